// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/chartstyle.h>

// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/protectionchart.h>

#include <QFont>
#include <QPainter>

namespace copp::ui::chartstyle {

using models::MarkerKind;
using models::SeriesKind;

namespace {

const std::array<QColor, 4> kTypeColor{QColor(0x1f, 0x77, 0xb4), QColor(0xd9, 0x5f, 0x02), QColor(0x1b, 0x9e, 0x77),
                                       QColor(0x75, 0x70, 0xb3)};
const QColor kRequestedColour(0x50, 0x50, 0x50); // neutral: the target, not a measurement
const QColor kKeyColour(0x44, 0x44, 0x44);       // the legend's line keys, for every type
constexpr std::array<QScatterSeries::MarkerShape, models::kMarkerKindCount> kMarkerShape{
    QScatterSeries::MarkerShapeTriangle, QScatterSeries::MarkerShapeRectangle, QScatterSeries::MarkerShapePentagon,
    QScatterSeries::MarkerShapeRotatedRectangle, QScatterSeries::MarkerShapeStar, QScatterSeries::MarkerShapeCircle,
    QScatterSeries::MarkerShapeCircle /* CommandRefused: a cross image instead */};
const std::array<QColor, models::kMarkerKindCount> kMarkerColor{
    QColor(0xd6, 0x27, 0x28), QColor(0x8c, 0x56, 0x4b), QColor(0x17, 0x9e, 0xaf),
    QColor(0xc7, 0x4f, 0xa8), QColor(0xb8, 0x9b, 0x00), QColor(0x55, 0x55, 0x55), QColor(0x8b, 0x00, 0x00)};

} // namespace

QColor typeColour(int typeIndex)
{
    return kTypeColor[std::size_t(typeIndex)];
}

QColor keyColour()
{
    return kKeyColour;
}

// Thin lines are cosmetic, so Qt's cosmetic stroker draws them, dots
// included: with a 1 px dotted pen that was not cosmetic, a flapping local
// level took 300 ms a frame to paint, cosmetic 6 ms (docs/chart.md). The
// global line is solid and drawn segment by segment, which stays cheap.
QPen linePen(const QColor& typeColour, SeriesKind kind)
{
    if (kind == SeriesKind::Global)
        return QPen(typeColour, 3.0, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin);
    QPen pen(kind == SeriesKind::Requested ? kRequestedColour : typeColour, 1.0,
             kind == SeriesKind::Requested ? Qt::SolidLine : Qt::DotLine);
    pen.setCosmetic(true);
    return pen;
}

QScatterSeries::MarkerShape markerShape(MarkerKind kind)
{
    return kMarkerShape[std::size_t(kind)];
}

QColor markerColour(MarkerKind kind)
{
    return kMarkerColor[std::size_t(kind)];
}

QImage crossImage(int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double m = 2.5;
    for (const auto& [pen, width] : {std::pair{QColor(Qt::white), 5.0}, std::pair{markerColour(MarkerKind::CommandRefused), 2.6}}) {
        p.setPen(QPen(pen, width, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(m, m), QPointF(size - m, size - m));
        p.drawLine(QPointF(m, size - m), QPointF(size - m, m));
    }
    return image;
}

QImage letterImage(int size, const QString& letter)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::black, 1));
    p.setBrush(QColor(0xff, 0xf3, 0xb0));
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2, 2);
    QFont font = p.font();
    font.setPixelSize(size - 4);
    font.setBold(true);
    p.setFont(font);
    p.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, letter);
    return image;
}

// The strings are in ProtectionChart's translation context, with the chart's others.
QString markerName(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::LinkLost: return ProtectionChart::tr("Link lost");
    case MarkerKind::RenegotiationRequired: return ProtectionChart::tr("Renegotiation required");
    case MarkerKind::ConnectorChanged: return ProtectionChart::tr("Connector changed");
    case MarkerKind::LevelDrop: return ProtectionChart::tr("Level drop");
    case MarkerKind::ReplyRejected: return ProtectionChart::tr("Reply not believed");
    case MarkerKind::CommandRefused: return ProtectionChart::tr("Command refused");
    case MarkerKind::OtherAlert: break;
    }
    return ProtectionChart::tr("Other alert");
}

QString kindName(SeriesKind kind)
{
    switch (kind) {
    case SeriesKind::Requested: return ProtectionChart::tr("requested");
    case SeriesKind::Local: return ProtectionChart::tr("local");
    case SeriesKind::Global: break;
    }
    return ProtectionChart::tr("global");
}

} // namespace copp::ui::chartstyle
