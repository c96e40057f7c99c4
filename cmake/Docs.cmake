# docs-images: regenerates docs/images/guide-*.png from docs/scenarios with the app (headless).
if(TARGET stepwise)
    add_custom_target(docs-images
        COMMAND ${CMAKE_COMMAND} -DSTEPWISE=$<TARGET_FILE:stepwise>
                -DSCENARIOS=${PROJECT_SOURCE_DIR}/docs/scenarios
                -DOUT=${PROJECT_SOURCE_DIR}/docs/images -P ${PROJECT_SOURCE_DIR}/cmake/DocsImages.cmake
        DEPENDS stepwise
        COMMENT "Rendering the user guide's pictures with stepwise"
        VERBATIM)
endif()
