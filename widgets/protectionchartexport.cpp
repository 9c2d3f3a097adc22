// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/protectionchart.h>

#include <QChartView>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFrame>
#include <QImage>
#include <QLayout>
#include <QPainter>
#include <QResizeEvent>
#include <QSvgGenerator>

// The chart as PNG and SVG files (evidence): the chart view only, no toolbar
// and no focus frame, drawn at its size whether shown or not.

namespace copp::ui {

void ProtectionChart::prepareRender()
{
    // A chart never shown has no geometry yet (layouts and resize events wait
    // for show()): give it one at its current size, so hidden charts export too.
    if (!m_view->isVisible()) {
        layout()->activate();
        m_focusFrame->layout()->activate(); // the view sits in the focus frame
        QResizeEvent resize(m_view->size(), QSize());
        QCoreApplication::sendEvent(m_view, &resize);
    }
    redrawNow();
}

bool ProtectionChart::exportPng(const QString& path)
{
    prepareRender();
    QImage image(m_view->size(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_view->render(&painter);
    }
    return image.save(path, "PNG");
}

bool ProtectionChart::exportWholeSession(const QString& pngPath, const QString& svgPath)
{
    const ViewMode mode = m_mode;
    const qint64 from = m_fromMs;
    const qint64 to = m_toMs;
    setMode(ViewMode::All);
    const bool ok = exportPng(pngPath) && exportSvg(svgPath);
    m_fromMs = from;
    m_toMs = to;
    setMode(mode);
    scheduleRedraw(true);
    return ok;
}

bool ProtectionChart::exportSvg(const QString& path)
{
    prepareRender();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(m_view->size());
    svg.setViewBox(QRect(QPoint(0, 0), m_view->size()));
    svg.setTitle(tr("Protection levels"));
    svg.setDescription(m_view->accessibleDescription());
    {
        QPainter painter;
        if (!painter.begin(&svg))
            return false;
        m_view->render(&painter);
    }
    return QFileInfo(path).size() > 0;
}

} // namespace copp::ui
