// SPDX-License-Identifier: BSD-3-Clause
// How the protection chart draws each thing: the colour of a protection type,
// the pen of each line kind, the shape and colour of each mark, and the names
// the legend and the tooltips give them. One place, so the legend keys and the
// drawn lines cannot drift apart (docs/chart.md "Lines, shortfall and marks").
#pragma once

#include <core/models/protectionhistory.h>

#include <QColor>
#include <QImage>
#include <QPen>
#include <QScatterSeries>
#include <QString>

#include <array>

namespace copp::ui::chartstyle {

// By ProtectionHistory::knownTypes() index (hdcp, acp, cgmsa, dpcp).
QColor typeColour(int typeIndex);
// The legend's line keys, the same for every type.
QColor keyColour();
// Global: thick and solid; Requested: thin neutral grey; Local: thin and dotted.
QPen linePen(const QColor& typeColour, models::SeriesKind kind);

QScatterSeries::MarkerShape markerShape(models::MarkerKind kind);
QColor markerColour(models::MarkerKind kind);
// The refused-command mark: a cross, a shape no alert uses.
QImage crossImage(int size);
// The redistribution-control mark: a boxed letter.
QImage letterImage(int size, const QString& letter);

// "Link lost", ..., "Other alert"; "requested", "local", "global".
QString markerName(models::MarkerKind kind);
QString kindName(models::SeriesKind kind);

} // namespace copp::ui::chartstyle
