# SPDX-License-Identifier: BSD-3-Clause
# Cross-compiling for 64-bit Windows with mingw-w64 on Linux (Debian:
# g++-mingw-w64-x86-64). Used by the windows-agent preset.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(COPP_MINGW_PREFIX x86_64-w64-mingw32)
# Debian installs both thread models; the default g++ is fine (the agent uses
# no std::thread). Prefer the -posix variant when present for full <thread>.
find_program(CMAKE_CXX_COMPILER NAMES ${COPP_MINGW_PREFIX}-g++-posix ${COPP_MINGW_PREFIX}-g++ REQUIRED)
find_program(CMAKE_C_COMPILER NAMES ${COPP_MINGW_PREFIX}-gcc-posix ${COPP_MINGW_PREFIX}-gcc)
find_program(CMAKE_RC_COMPILER NAMES ${COPP_MINGW_PREFIX}-windres)

set(CMAKE_FIND_ROOT_PATH /usr/${COPP_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
