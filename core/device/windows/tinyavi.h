// SPDX-License-Identifier: BSD-3-Clause
// A one-frame uncompressed video clip (RIFF AVI, BI_RGB 32 bpp), written to a
// temporary file by the DirectShow COPP device so that its playback graph has a
// source connected to the renderer: the documented procedure builds "a
// DirectShow playback graph that renders video using the VMR or EVR" (seeds
// 000), and a renderer that is not connected may answer VFW_E_NO_COPP_HW
// (docs/protocol.md §10.1). Every system's stock AVI splitter reads this file; the
// bytes are built here (portable) so their layout is unit-tested on Linux.
#pragma once

#include <core/device/windows/hwdevice.h>

namespace copp::device::hw {

// width and height >= 1, at most 1024 each. One black frame, 1 frame/s.
Bytes makeTinyAvi(std::uint32_t width = 64, std::uint32_t height = 64);

} // namespace copp::device::hw
