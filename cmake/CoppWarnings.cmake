# copp_set_warnings(TARGET): the project's warning level, in one place.
function(copp_set_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
            -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wno-unused-parameter)
    endif()
endfunction()
