# Translations: every translations/stepwise_<lang>.ts is compiled into the program (as
# :/i18n/stepwise_<lang>.qm), so adding a language is adding a file; see docs/translating.md.
# `cmake --build BUILD --target update_translations` refreshes the .ts files from the sources
# with lupdate. Needs Qt6LinguistTools (Debian: qt6-tools-dev, qt6-l10n-tools); skipped
# without it, and the program then runs in English, the language of its source strings.
find_package(Qt6 QUIET COMPONENTS LinguistTools)
if(NOT Qt6LinguistTools_FOUND)
    message(STATUS "Qt6LinguistTools not found (apt-get install qt6-tools-dev qt6-l10n-tools): "
                   "building without translations")
    return()
endif()

file(GLOB STEPWISE_TS_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/translations/stepwise_*.ts)
# The sources lupdate reads: the window's (as listed in ui/CMakeLists.txt) and the app's.
get_target_property(_stepwise_ui_sources stepwise_ui SOURCES)
set(STEPWISE_TR_SOURCES)
foreach(_source IN LISTS _stepwise_ui_sources)
    if(_source MATCHES "\\.(cpp|h)$" AND NOT IS_ABSOLUTE "${_source}")
        list(APPEND STEPWISE_TR_SOURCES ${PROJECT_SOURCE_DIR}/ui/${_source})
    endif()
endforeach()
set(STEPWISE_TR_APP_SOURCES ${PROJECT_SOURCE_DIR}/app/main.cpp ${PROJECT_SOURCE_DIR}/app/Headless.cpp)
list(APPEND STEPWISE_TR_SOURCES ${STEPWISE_TR_APP_SOURCES})
qt_add_translations(stepwise_ui
    TS_FILES ${STEPWISE_TS_FILES}
    SOURCES ${STEPWISE_TR_SOURCES}
    INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}
    RESOURCE_PREFIX /i18n
    LUPDATE_OPTIONS -no-obsolete -locations none -source-language en)
