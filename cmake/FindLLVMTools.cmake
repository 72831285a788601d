# Locates libclang, FileCheck, not and lit through llvm-config.
# Override with -DYIELDC_LLVM_CONFIG=/usr/bin/llvm-config-19 for another
# release; the translator codes to the libclang 14 C API.
find_program(YIELDC_LLVM_CONFIG NAMES llvm-config-14 llvm-config
             DOC "llvm-config of the LLVM whose libclang yieldc uses")
if(NOT YIELDC_LLVM_CONFIG)
  message(FATAL_ERROR "llvm-config not found: run scripts/setup.sh "
                      "(installs libclang-14-dev and llvm-14-tools)")
endif()
foreach(what prefix bindir libdir includedir version)
  execute_process(COMMAND ${YIELDC_LLVM_CONFIG} --${what}
                  OUTPUT_VARIABLE LLVM_${what} OUTPUT_STRIP_TRAILING_WHITESPACE)
endforeach()
message(STATUS "yieldc: LLVM ${LLVM_version} at ${LLVM_prefix}")

find_path(LIBCLANG_INCLUDE_DIR clang-c/Index.h
          HINTS ${LLVM_includedir} ${LLVM_prefix}/include NO_DEFAULT_PATH)
find_library(LIBCLANG_LIBRARY NAMES clang libclang.so.1
             HINTS ${LLVM_libdir} NO_DEFAULT_PATH)
if(NOT LIBCLANG_INCLUDE_DIR OR NOT LIBCLANG_LIBRARY)
  message(FATAL_ERROR "libclang not found under ${LLVM_prefix}: "
                      "run scripts/setup.sh (libclang-14-dev)")
endif()

find_program(FILECHECK FileCheck HINTS ${LLVM_bindir} NO_DEFAULT_PATH)
find_program(LLVM_NOT not HINTS ${LLVM_bindir} NO_DEFAULT_PATH)
set(LIT_PY ${LLVM_prefix}/build/utils/lit/lit.py)
find_package(Python3 COMPONENTS Interpreter)
