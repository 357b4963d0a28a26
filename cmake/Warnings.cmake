# Warnings are errors for our own code; third-party headers are included as system headers.
# Not enabled: -Wnull-dereference and -Wrestrict, which GCC 12 reports falsely once -O2/-O3 inline
# libstdc++'s std::string (e.g. in CLI11's headers and plain string concatenation; GCC PR 105329).
add_library(gep_warnings INTERFACE)
target_compile_options(gep_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wconversion -Wsign-conversion -Wdouble-promotion -Wformat=2
  -Wimplicit-fallthrough -Wno-restrict)

if(GEP_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# gep_module(NAME SOURCES... DEPS ...) declares the library of one src/ folder.
function(gep_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(gep_${name} STATIC ${ARG_SOURCES})
  target_include_directories(gep_${name} PUBLIC ${GEP_SOURCE_ROOT})
  target_link_libraries(gep_${name} PUBLIC ${ARG_DEPS} PRIVATE gep_warnings)
endfunction()

# gep_test(NAME SOURCES... DEPS ... [LABELS label]) declares one GoogleTest binary registered with CTest.
function(gep_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${GEP_SOURCE_ROOT} ${CMAKE_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main gep_warnings)
  include(GoogleTest)
  # Libraries that keep process-lifetime caches (fontconfig under libvips) are not leaks.
  set(test_environment "")
  if(GEP_SANITIZE)
    set(test_environment "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
  endif()
  # gtest_discover_tests flattens PROPERTIES into one key/value list, so a second label would
  # become a key and shift every property after it: the sanitizer environment was lost that way.
  list(LENGTH ARG_LABELS label_count)
  if(label_count GREATER 1)
    message(FATAL_ERROR "gep_test(${name}): one label only, got '${ARG_LABELS}'")
  endif()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "${test_environment}")
endfunction()
