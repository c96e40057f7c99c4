# Checks the house rules of docs/architecture.md on the source tree (run by ctest as
# Architecture.Rooms; cmake -DROOT=<source dir> -P CheckRooms.cmake):
#   - core includes neither Qt nor ui/;
#   - a ui room includes core, the bottom rooms (base, document) and itself (a folder inside a
#     room, such as ui/graph/modes, is part of that room); only the shell includes other rooms;
#   - no two ui files include each other's headers (no cycle of two), except the document and
#     its undo commands: the commands are the document's friends (as in KDE Step), made by the
#     document and changing it, and they live in one room.
# Every offence is listed, then the script fails.
if(NOT ROOT)
    message(FATAL_ERROR "CheckRooms.cmake: pass -DROOT=<source dir>")
endif()

set(problems "")

file(GLOB_RECURSE core_files RELATIVE ${ROOT} ${ROOT}/core/*.h ${ROOT}/core/*.cpp)
foreach(f IN LISTS core_files)
    file(STRINGS ${ROOT}/${f} includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
    foreach(line IN LISTS includes)
        if(line MATCHES "[<\"](Q[A-Za-z]+|Qt[A-Za-z]*/[^>\"]*)[>\"]" OR line MATCHES "\"ui/")
            string(APPEND problems "  ${f}: core must not include Qt or ui: ${line}\n")
        endif()
    endforeach()
endforeach()

set(bottom base document)
file(GLOB_RECURSE ui_files RELATIVE ${ROOT} ${ROOT}/ui/*.h ${ROOT}/ui/*.cpp)
set(edges "")
foreach(f IN LISTS ui_files)
    if(NOT f MATCHES "^ui/([a-z]+)/(([a-z]+/)?[A-Za-z0-9_]+)\\.(h|cpp)$")
        string(APPEND problems
               "  ${f}: every ui source lives in a room (ui/<room>/<File>, ui/<room>/<folder>/<File>)\n")
        continue()
    endif()
    set(room ${CMAKE_MATCH_1})
    set(unit ${CMAKE_MATCH_1}/${CMAKE_MATCH_2})
    file(STRINGS ${ROOT}/${f} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"ui/")
    foreach(line IN LISTS includes)
        if(NOT line MATCHES "\"ui/([a-z]+)/(([a-z]+/)?[A-Za-z0-9_]+)\\.h\"")
            continue()
        endif()
        set(to_room ${CMAKE_MATCH_1})
        set(to_unit ${CMAKE_MATCH_1}/${CMAKE_MATCH_2})
        if(to_unit STREQUAL unit)
            continue()
        endif()
        list(APPEND edges "${unit}>${to_unit}")
        if(room STREQUAL "shell" OR to_room STREQUAL room)
            continue()
        endif()
        list(FIND bottom ${to_room} at_bottom)
        list(FIND bottom ${room} from_bottom)
        if(at_bottom EQUAL -1)
            string(APPEND problems "  ${f}: the ${room} room includes ui/${to_unit}.h from the "
                                   "${to_room} room (only the shell knows other rooms)\n")
        elseif(room STREQUAL "base" AND NOT to_room STREQUAL "base")
            string(APPEND problems "  ${f}: the base room includes ui/${to_unit}.h\n")
        endif()
    endforeach()
endforeach()

list(REMOVE_DUPLICATES edges)
foreach(edge IN LISTS edges)
    string(REPLACE ">" ";" pair ${edge})
    list(GET pair 0 a)
    list(GET pair 1 b)
    list(FIND edges "${b}>${a}" back)
    if(NOT back EQUAL -1 AND a STRLESS b AND NOT "${a}|${b}" STREQUAL "document/Commands|document/Document")
        string(APPEND problems "  ui/${a} and ui/${b} include each other\n")
    endif()
endforeach()

if(problems)
    message(FATAL_ERROR "The house rules (docs/architecture.md) are broken:\n${problems}")
endif()
list(LENGTH ui_files n)
message(STATUS "Rooms: ${n} ui files checked, core free of Qt, no include running upward")
