# SPDX-License-Identifier: BSD-3-Clause
# nlohmann/json, header-only: Debian nlohmann-json3-dev (/usr/include/nlohmann),
# the vcpkg port nlohmann-json, or any nlohmann_json CMake package. Defines the
# target nlohmann_json::nlohmann_json.
#
# Cross builds (the windows-agent preset, cmake/toolchains/mingw-w64-x86_64.cmake)
# search packages only in the mingw sysroot, where Debian installs none. The
# headers are plain C++ and serve any target, so the build machine's copy is
# used there -- but only its nlohmann/ folder, through a folder of our own:
# /usr/include itself holds glibc's headers, which must never reach mingw.
find_package(nlohmann_json 3.10 QUIET)
if(TARGET nlohmann_json::nlohmann_json)
    return()
endif()
find_path(COPP_NLOHMANN_JSON_INCLUDE nlohmann/json.hpp
    PATHS /usr/include /usr/local/include
    NO_CMAKE_FIND_ROOT_PATH NO_DEFAULT_PATH)
if(NOT COPP_NLOHMANN_JSON_INCLUDE)
    message(FATAL_ERROR "nlohmann/json not found: install nlohmann-json3-dev (scripts/install-deps.sh) "
        "or the vcpkg port nlohmann-json")
endif()
set(copp_nlohmann_dir "${CMAKE_BINARY_DIR}/nlohmann-json/include")
file(MAKE_DIRECTORY "${copp_nlohmann_dir}")
if(NOT EXISTS "${copp_nlohmann_dir}/nlohmann")
    file(CREATE_LINK "${COPP_NLOHMANN_JSON_INCLUDE}/nlohmann" "${copp_nlohmann_dir}/nlohmann" SYMBOLIC)
endif()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE "${copp_nlohmann_dir}")
