# SPDX-License-Identifier: BSD-3-Clause
# copp_set_warnings(TARGET): the project's warning level, in one place.
function(copp_set_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
            -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wno-unused-parameter)
    endif()
endfunction()

# copp_strict_strings(TARGET): every user-visible string is an explicit QString
# (tr(), QStringLiteral); no silent const char* conversions in product code.
function(copp_strict_strings target)
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII)
endfunction()
