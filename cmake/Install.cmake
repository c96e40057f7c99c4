# Install rules (cmake --install) and packaging (cpack): the binary, the desktop file, the
# icons, the AppStream metainfo, the MIME type, the man page, the docs and the examples.
# Included from the top-level CMakeLists.txt; paths follow GNUInstallDirs.
include(GNUInstallDirs)

if(NOT STEPWISE_BUILD_UI)
    return() # nothing to install without the app
endif()

add_subdirectory(${PROJECT_SOURCE_DIR}/resources ${PROJECT_BINARY_DIR}/resources)
include(${CMAKE_CURRENT_LIST_DIR}/Translations.cmake) # compiled into stepwise_ui

set(_res ${PROJECT_SOURCE_DIR}/resources)
set(STEPWISE_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/stepwise)

install(TARGETS stepwise RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${_res}/${STEPWISE_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_res}/${STEPWISE_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${_res}/${STEPWISE_APP_ID}.mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME ${STEPWISE_APP_ID}.xml)
install(FILES ${_res}/icons/${STEPWISE_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size IN LISTS STEPWISE_ICON_SIZES)
    install(FILES ${PROJECT_BINARY_DIR}/resources/icons/${size}x${size}/${STEPWISE_APP_ID}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${STEPWISE_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Documentation: the user guide is what Help → User guide opens once installed.
foreach(doc LICENSE README.md docs/user-guide.md docs/architecture.md docs/packaging.md
            docs/translating.md)
    if(EXISTS ${PROJECT_SOURCE_DIR}/${doc})
        install(FILES ${PROJECT_SOURCE_DIR}/${doc} DESTINATION ${STEPWISE_DOC_DIR})
    endif()
endforeach()
if(EXISTS ${PROJECT_SOURCE_DIR}/docs/images)
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/images DESTINATION ${STEPWISE_DOC_DIR})
endif()
install(DIRECTORY ${_res}/examples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/stepwise/examples
        FILES_MATCHING PATTERN "*.stepwise")

include(${CMAKE_CURRENT_LIST_DIR}/Packaging.cmake)
