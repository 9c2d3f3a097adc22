// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/windows/tinyavi.h>

#include <algorithm>

namespace copp::device::hw {

namespace {

class Writer {
public:
    void fourcc(const char (&code)[5]) { m_out.insert(m_out.end(), code, code + 4); }
    void u16(std::uint16_t v)
    {
        m_out.push_back(static_cast<std::uint8_t>(v));
        m_out.push_back(static_cast<std::uint8_t>(v >> 8));
    }
    void u32(std::uint32_t v)
    {
        u16(static_cast<std::uint16_t>(v));
        u16(static_cast<std::uint16_t>(v >> 16));
    }
    void zeros(std::size_t n) { m_out.insert(m_out.end(), n, 0); }

    // Opens a chunk ("RIFF"/"LIST" with a form type, or a plain chunk); returns
    // where its size goes.
    std::size_t open(const char (&id)[5])
    {
        fourcc(id);
        const std::size_t at = m_out.size();
        u32(0);
        return at;
    }
    void close(std::size_t sizeAt)
    {
        const auto size = static_cast<std::uint32_t>(m_out.size() - sizeAt - 4);
        for (int i = 0; i < 4; ++i)
            m_out[sizeAt + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(size >> (8 * i));
        if (m_out.size() % 2 != 0)
            m_out.push_back(0); // RIFF chunks are word-aligned
    }
    Bytes take() { return std::move(m_out); }

private:
    Bytes m_out;
};

} // namespace

Bytes makeTinyAvi(std::uint32_t width, std::uint32_t height)
{
    width = std::clamp<std::uint32_t>(width, 1, 1024);
    height = std::clamp<std::uint32_t>(height, 1, 1024);
    const std::uint32_t frameBytes = width * height * 4; // BI_RGB, 32 bpp: rows need no padding
    constexpr std::uint32_t kHasIndex = 0x10;            // AVIF_HASINDEX
    constexpr std::uint32_t kKeyFrame = 0x10;            // AVIIF_KEYFRAME

    Writer w;
    const std::size_t riff = w.open("RIFF");
    w.fourcc("AVI ");

    const std::size_t hdrl = w.open("LIST");
    w.fourcc("hdrl");
    const std::size_t avih = w.open("avih"); // MainAVIHeader, 56 bytes
    w.u32(1000000);    // dwMicroSecPerFrame: 1 frame/s
    w.u32(frameBytes); // dwMaxBytesPerSec
    w.u32(0);          // dwPaddingGranularity
    w.u32(kHasIndex);  // dwFlags
    w.u32(1);          // dwTotalFrames
    w.u32(0);          // dwInitialFrames
    w.u32(1);          // dwStreams
    w.u32(frameBytes); // dwSuggestedBufferSize
    w.u32(width);
    w.u32(height);
    w.zeros(16); // dwReserved[4]
    w.close(avih);

    const std::size_t strl = w.open("LIST");
    w.fourcc("strl");
    const std::size_t strh = w.open("strh"); // AVIStreamHeader, 56 bytes
    w.fourcc("vids");
    w.fourcc("DIB ");
    w.u32(0);          // dwFlags
    w.u16(0);          // wPriority
    w.u16(0);          // wLanguage
    w.u32(0);          // dwInitialFrames
    w.u32(1);          // dwScale
    w.u32(1);          // dwRate: dwRate / dwScale = 1 frame/s
    w.u32(0);          // dwStart
    w.u32(1);          // dwLength (frames)
    w.u32(frameBytes); // dwSuggestedBufferSize
    w.u32(0xFFFFFFFF); // dwQuality: default
    w.u32(frameBytes); // dwSampleSize
    w.u16(0);          // rcFrame.left
    w.u16(0);          // rcFrame.top
    w.u16(static_cast<std::uint16_t>(width));
    w.u16(static_cast<std::uint16_t>(height));
    w.close(strh);
    const std::size_t strf = w.open("strf"); // BITMAPINFOHEADER, 40 bytes
    w.u32(40);         // biSize
    w.u32(width);      // biWidth
    w.u32(height);     // biHeight (> 0: bottom-up)
    w.u16(1);          // biPlanes
    w.u16(32);         // biBitCount
    w.u32(0);          // biCompression: BI_RGB
    w.u32(frameBytes); // biSizeImage
    w.zeros(16);       // biXPelsPerMeter, biYPelsPerMeter, biClrUsed, biClrImportant
    w.close(strf);
    w.close(strl);
    w.close(hdrl);

    const std::size_t movi = w.open("LIST");
    w.fourcc("movi");
    const std::size_t frame = w.open("00db"); // stream 0, uncompressed DIB
    w.zeros(frameBytes);                      // black
    w.close(frame);
    w.close(movi);

    const std::size_t idx1 = w.open("idx1"); // AVIINDEXENTRY
    w.fourcc("00db");
    w.u32(kKeyFrame);
    w.u32(4); // dwChunkOffset: from the "movi" form type to the chunk
    w.u32(frameBytes);
    w.close(idx1);

    w.close(riff);
    return w.take();
}

} // namespace copp::device::hw
