# Installs the build in BUILD_DIR under ROOT (as DESTDIR, prefix PREFIX) and checks that every
# file a desktop needs is there. Run with cmake -P; fails with the list of what is missing.
file(REMOVE_RECURSE ${ROOT})
set(ENV{DESTDIR} ${ROOT})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc}):\n${out}\n${err}")
endif()

set(base ${ROOT}${PREFIX})
set(share ${base}/${DATADIR})
set(expected
    ${base}/${BINDIR}/stepwise
    ${share}/applications/${APP_ID}.desktop
    ${share}/metainfo/${APP_ID}.metainfo.xml
    ${share}/mime/packages/${APP_ID}.xml
    ${share}/icons/hicolor/scalable/apps/${APP_ID}.svg
    ${share}/doc/stepwise/LICENSE)
foreach(size IN LISTS ICON_SIZES)
    list(APPEND expected ${share}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
if(NOT EXISTS ${base}/${MANDIR}/man1/stepwise.1.gz AND NOT EXISTS ${base}/${MANDIR}/man1/stepwise.1)
    list(APPEND missing "${base}/${MANDIR}/man1/stepwise.1.gz")
endif()
foreach(f IN LISTS expected)
    if(NOT EXISTS ${f})
        list(APPEND missing ${f})
    endif()
endforeach()
if(missing)
    list(JOIN missing "\n  " text)
    message(FATAL_ERROR "missing from the install tree:\n  ${text}")
endif()

# The binary must be executable, and each PNG must be the size its folder says.
if(NOT IS_DIRECTORY ${base}/${BINDIR}/stepwise)
    execute_process(COMMAND test -x ${base}/${BINDIR}/stepwise RESULT_VARIABLE notx)
    if(notx)
        message(FATAL_ERROR "${base}/${BINDIR}/stepwise is not executable")
    endif()
endif()
foreach(size IN LISTS ICON_SIZES)
    set(png ${share}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
    file(READ ${png} header LIMIT 24 HEX)
    string(SUBSTRING "${header}" 32 8 w)
    string(SUBSTRING "${header}" 40 8 h)
    math(EXPR w "0x${w}")
    math(EXPR h "0x${h}")
    if(NOT w EQUAL size OR NOT h EQUAL size)
        message(FATAL_ERROR "${png} is ${w}x${h}, expected ${size}x${size}")
    endif()
endforeach()
message(STATUS "install tree complete: ${base}")
