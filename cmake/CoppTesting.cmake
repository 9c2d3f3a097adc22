# SPDX-License-Identifier: BSD-3-Clause
# copp_add_test(NAME SOURCES a.cpp ... LIBRARIES x ... LABELS unit ...)
# One helper for every test: same environment (pinned TZ/LANG, offscreen Qt,
# where the shared vectors are), labels for ctest -L / -LE.
set(COPP_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" CACHE PATH
    "Folder with spec/, vectors/ and samples/ (tests skip what is absent)")

function(copp_add_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBRARIES})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    copp_set_warnings(${name})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${T_LABELS}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;TZ=UTC;LANG=C.UTF-8;LC_ALL=C.UTF-8;COPP_SHARED_DIR=${COPP_SHARED_DIR};COPP_CLI=$<TARGET_FILE:coppscope-cli>;COPP_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
