# Renders the user guide's pictures with the app itself, so they never go stale.
#   cmake -DSTEPWISE=<path to stepwise> -DSCENARIOS=<docs/scenarios> -DOUT=<folder> -P DocsImages.cmake
# Reads SCENARIOS/images.txt ("NAME STEPS" per line) and writes OUT/guide-NAME.png; fails if the
# app fails or a picture is missing or empty.
foreach(var STEPWISE SCENARIOS OUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "DocsImages.cmake needs -D${var}=…")
    endif()
endforeach()
file(MAKE_DIRECTORY "${OUT}")
file(STRINGS "${SCENARIOS}/images.txt" lines REGEX "^[^#].*")
set(count 0)
foreach(line IN LISTS lines)
    string(REGEX MATCH "^([A-Za-z0-9_-]+)[ \t]+([0-9]+)" _ "${line}")
    if(NOT CMAKE_MATCH_1)
        continue()
    endif()
    set(name ${CMAKE_MATCH_1})
    set(steps ${CMAKE_MATCH_2})
    set(png "${OUT}/guide-${name}.png")
    execute_process(
        COMMAND "${STEPWISE}" --scenario "${SCENARIOS}/${name}.stepwise" --train ${steps}
                --export "${png}" --size 1000x560
        RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "rendering ${name} failed (${rc}): ${err}")
    endif()
    file(SIZE "${png}" size)
    if(size LESS 2000)
        message(FATAL_ERROR "${png} is missing or empty")
    endif()
    math(EXPR count "${count} + 1")
endforeach()
if(count EQUAL 0)
    message(FATAL_ERROR "no pictures listed in ${SCENARIOS}/images.txt")
endif()
message(STATUS "rendered ${count} user-guide pictures into ${OUT}")
