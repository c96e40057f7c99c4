# Every screenshot the AppStream metainfo names must be an image in the repository's docs/images,
# so software centres never show a broken picture. Run with -DMETAINFO=… -DSOURCE_DIR=….
file(READ ${METAINFO} xml)
string(REGEX MATCHALL "docs/images/[^<]+" images "${xml}")
if(NOT images)
    message(FATAL_ERROR "${METAINFO} names no docs/images screenshot")
endif()
foreach(img IN LISTS images)
    if(NOT EXISTS ${SOURCE_DIR}/${img})
        message(FATAL_ERROR "${METAINFO} shows ${img}, which does not exist")
    endif()
endforeach()
