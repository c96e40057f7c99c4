# Run-time kernel dispatch: core/kernels/Kernels.cpp (and DeepKernels.cpp, the layered network's
# loops, sealed in the same object) compiled once per instruction set (plain
# x86-64, AVX2+FMA, AVX-512) and chosen at start-up from what the CPU supports (core/network/KernelSet.cpp).
#
# The copies must never mix. Eigen's templates and inline functions compiled with different flags
# get the same mangled names, and the linker keeps one copy of each (COMDAT), so a baseline path
# could end up running AVX-512 code. Each copy is therefore sealed in one relocatable object:
#   1. compiled with -fvisibility=hidden -fvisibility-inlines-hidden (and, with GCC,
#      -fno-gnu-unique, so that no symbol is STB_GNU_UNIQUE, a binding objcopy leaves global),
#   2. partially linked (ld -r) into one object,
#   3. objcopy --keep-global-symbol=stepwise_kernels_<set>: every other symbol becomes local,
#      --remove-section=.group: its COMDAT groups are dissolved (the linker discards duplicate
#      groups by name even when their symbols are local).
# Nothing in the object can then be shared with, or replaced by, another copy.
#
# Needs GCC or Clang, x86-64 and ELF (ld -r, objcopy); elsewhere only the baseline is built, as an
# ordinary source of stepwise_core. Sanitizer and fuzz builds also build the baseline only (so it
# is instrumented like the rest of core).
set(_stepwise_dispatch_default OFF)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$" AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang"
   AND CMAKE_EXECUTABLE_FORMAT STREQUAL "ELF" AND NOT STEPWISE_SANITIZE AND NOT STEPWISE_TSAN
   AND NOT STEPWISE_FUZZ)
    set(_stepwise_dispatch_default ON)
endif()
option(STEPWISE_KERNEL_DISPATCH
       "Build the hot loops for baseline x86-64, AVX2+FMA and AVX-512 and choose at run time"
       ${_stepwise_dispatch_default})

set(STEPWISE_KERNEL_SETS baseline)
if(STEPWISE_KERNEL_DISPATCH)
    if(STEPWISE_SANITIZE OR STEPWISE_TSAN OR STEPWISE_FUZZ)
        message(STATUS "Kernel dispatch: off in a sanitizer or fuzz build (baseline kernels only)")
    elseif(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" OR NOT CMAKE_EXECUTABLE_FORMAT STREQUAL "ELF"
           OR NOT CMAKE_LINKER OR NOT CMAKE_OBJCOPY)
        message(WARNING "STEPWISE_KERNEL_DISPATCH needs GCC or Clang, ELF, ld and objcopy: "
                        "building the baseline kernels only")
    else()
        set(STEPWISE_KERNEL_SETS baseline avx2 avx512)
    endif()
endif()
message(STATUS "Kernel sets: ${STEPWISE_KERNEL_SETS}")

set(STEPWISE_KERNEL_FLAGS_baseline "")
set(STEPWISE_KERNEL_FLAGS_avx2 -mavx2 -mfma)
# (GCC 12 warns about _mm512_undefined_pd inside its own avx512fintrin.h: a known false positive.)
set(STEPWISE_KERNEL_FLAGS_avx512 -mavx512f -mavx512dq -mavx512vl -mavx2 -mfma
                                 $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)

# Adds the kernels to `target`; the sealed object of each set is in the global property
# STEPWISE_KERNEL_OBJECT_<set> (tests/kernels checks them).
function(stepwise_add_kernels target)
    set(source ${PROJECT_SOURCE_DIR}/core/kernels/Kernels.cpp
               ${PROJECT_SOURCE_DIR}/core/kernels/DeepKernels.cpp)
    list(LENGTH STEPWISE_KERNEL_SETS count)
    if(count EQUAL 1)
        target_sources(${target} PRIVATE ${source})
        return()
    endif()
    target_compile_definitions(${target} PRIVATE STEPWISE_KERNEL_DISPATCH=1)
    foreach(set IN LISTS STEPWISE_KERNEL_SETS)
        set(objects stepwise_kernels_${set}_objects)
        add_library(${objects} OBJECT ${source})
        target_include_directories(${objects} PRIVATE ${PROJECT_SOURCE_DIR})
        target_link_libraries(${objects} PRIVATE Eigen3::Eigen stepwise_options)
        target_compile_definitions(${objects} PRIVATE STEPWISE_KERNEL_NS=${set})
        # -fno-gnu-unique: GCC marks function-local statics of inline functions (Eigen's matrix
        # products keep their cache sizes in one) STB_GNU_UNIQUE, which objcopy does not localize;
        # as plain weak symbols they become the set's own like everything else.
        target_compile_options(${objects} PRIVATE -fvisibility=hidden -fvisibility-inlines-hidden
                                                  $<$<CXX_COMPILER_ID:GNU>:-fno-gnu-unique>
                                                  ${STEPWISE_KERNEL_FLAGS_${set}})
        set(sealed ${CMAKE_CURRENT_BINARY_DIR}/stepwise_kernels_${set}${CMAKE_CXX_OUTPUT_EXTENSION})
        add_custom_command(
            OUTPUT ${sealed}
            COMMAND ${CMAKE_LINKER} -r -o ${sealed}.partial $<TARGET_OBJECTS:${objects}>
            COMMAND ${CMAKE_OBJCOPY} --keep-global-symbol=stepwise_kernels_${set}
                    --remove-section=.group ${sealed}.partial ${sealed}
            DEPENDS ${objects} $<TARGET_OBJECTS:${objects}>
            COMMENT "Sealing the ${set} kernels (ld -r, objcopy: one global symbol, no COMDAT)"
            COMMAND_EXPAND_LISTS VERBATIM)
        set_source_files_properties(${sealed} PROPERTIES EXTERNAL_OBJECT TRUE GENERATED TRUE)
        target_sources(${target} PRIVATE ${sealed})
        set_property(GLOBAL PROPERTY STEPWISE_KERNEL_OBJECT_${set} ${sealed})
    endforeach()
endfunction()
