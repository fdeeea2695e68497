using System;
using System.Globalization;
using System.IO;
using System.Security;
using System.Text;

namespace Station.Simulator
{
    /// <summary>Draws a window of a <see cref="Timeline"/> as an SVG Gantt chart: a row per actuator and per interlock,
    /// bars for motions, red marks for faults, orange marks for injected events.</summary>
    public static class TimelineSvg
    {
        private const int LabelWidth = 170;
        private const int ChartWidth = 1000;
        private const int RowHeight = 22;
        private const int Top = 60;

        /// <summary>Writes the SVG for <paramref name="fromMs"/>..<paramref name="toMs"/> to <paramref name="path"/>.</summary>
        public static void Write(Timeline t, long fromMs, long toMs, string title, string path)
        {
            File.WriteAllText(path, Render(t, fromMs, toMs, title), new UTF8Encoding(false));
        }

        /// <summary>The SVG text for <paramref name="fromMs"/>..<paramref name="toMs"/>.</summary>
        public static string Render(Timeline t, long fromMs, long toMs, string title)
        {
            if (toMs <= fromMs) toMs = fromMs + 1000;
            double span = toMs - fromMs;
            double X(long ms) => LabelWidth + Math.Clamp((ms - fromMs) / span, 0, 1) * ChartWidth;
            int height = Top + t.Rows.Count * RowHeight + 70 + LegendHeight;
            int width = LabelWidth + ChartWidth + 20;
            var c = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            sb.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
            sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            sb.Append(c, $"<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{Esc(title)}</text>\n");

            // time axis: a tick every 1, 2, 5, 10, 20 … s so that there are 10–25 ticks
            double[] steps = { 1, 2, 5, 10, 20, 30, 60, 120, 300, 600 };
            double step = steps[^1];
            foreach (var s in steps) if (span / 1000 / s <= 25) { step = s; break; }
            int axisBottom = Top + t.Rows.Count * RowHeight;
            for (double s = Math.Ceiling(fromMs / 1000.0 / step) * step; s * 1000 <= toMs; s += step)
            {
                double x = X((long)(s * 1000));
                sb.Append(c, $"<line x1=\"{x:0.0}\" y1=\"{Top - 8}\" x2=\"{x:0.0}\" y2=\"{axisBottom}\" stroke=\"#e4e4e4\"/>");
                sb.Append(c, $"<text x=\"{x:0.0}\" y=\"{Top - 12}\" text-anchor=\"middle\" fill=\"#555\">{s:0} s</text>\n");
            }

            int i = 0;
            foreach (var row in t.Rows)
            {
                int y = Top + i * RowHeight;
                string fillRow = row.Group == "interlock" ? "#fbf7ee" : row.Group == "sequencer" || row.Group == "model" ? "#eef3fb" : "#f6f6f6";
                sb.Append(c, $"<g class=\"row\" data-row=\"{Esc(row.Name)}\" data-group=\"{row.Group}\">");
                sb.Append(c, $"<rect x=\"{LabelWidth}\" y=\"{y + 1}\" width=\"{ChartWidth}\" height=\"{RowHeight - 2}\" fill=\"{fillRow}\"/>");
                sb.Append(c, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{Esc(row.Name)}</text>");
                foreach (var b in row.Bars)
                {
                    if (b.EndMs < fromMs || b.StartMs > toMs) continue;
                    double x1 = X(b.StartMs), x2 = X(b.EndMs);
                    double w = Math.Max(3, x2 - x1); // a step of a few milliseconds stays visible
                    sb.Append(c, $"<rect class=\"bar\" x=\"{x1:0.0}\" y=\"{y + 3}\" width=\"{w:0.0}\" height=\"{RowHeight - 6}\" fill=\"{Colour(b.Kind)}\" rx=\"2\">");
                    sb.Append(c, $"<title>{Esc(row.Name)}: {Esc(b.Label)} {b.StartMs / 1000.0:0.00}–{b.EndMs / 1000.0:0.00} s ({(b.EndMs - b.StartMs) / 1000.0:0.00} s)</title></rect>");
                    // Every bar is labelled where a PNG keeps it: inside when it fits, else just after the bar in dark
                    // text with a white halo, so a short step (Arming, a lock) is still named.
                    if (w > b.Label.Length * 6 + 4)
                        sb.Append(c, $"<text class=\"label\" x=\"{x1 + 3:0.0}\" y=\"{y + 15}\" fill=\"white\" font-size=\"10\">{Esc(b.Label)}</text>");
                    else
                        sb.Append(c, $"<text class=\"label\" x=\"{x1 + w + 2:0.0}\" y=\"{y + 15}\" fill=\"#222\" font-size=\"9\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">{Esc(b.Label)}</text>");
                }
                sb.Append("</g>\n");
                i++;
            }

            int k = 0;
            foreach (var m in t.Marks)
            {
                if (m.AtMs < fromMs || m.AtMs > toMs) continue;
                double x = X(m.AtMs);
                string col = m.Kind == "fault" ? "#d00000" : "#e08000";
                int ly = axisBottom + 14 + (k % 4) * 13;
                sb.Append(c, $"<g class=\"mark\" data-kind=\"{m.Kind}\"><line x1=\"{x:0.0}\" y1=\"{Top - 6}\" x2=\"{x:0.0}\" y2=\"{ly - 9}\" stroke=\"{col}\" stroke-width=\"1.5\" stroke-dasharray=\"4,2\"/>");
                sb.Append(c, $"<path d=\"M{x - 5:0.0},{Top - 6} L{x + 5:0.0},{Top - 6} L{x:0.0},{Top + 2} Z\" fill=\"{col}\"/>");
                sb.Append(c, $"<text x=\"{x + 3:0.0}\" y=\"{ly}\" fill=\"{col}\">{Esc(m.Label)} @ {m.AtMs / 1000.0:0.00} s</text></g>\n");
                k++;
            }
            AppendLegend(sb, axisBottom + 14 + 4 * 13 + 6);
            sb.Append("</svg>\n");
            return sb.ToString();
        }

        private const int LegendHeight = 44;

        private static readonly (string Kind, string Words)[] Legend =
        {
            ("state", "sequencer step"), ("block", "truck block swapped"), ("model", "model critical path"), ("up", "lift up / axis away"), ("down", "lift down / axis back"),
            ("engage", "lock engage"), ("release", "lock release"), ("run", "conveyor runs"), ("busy", "rack handler busy"),
            ("wait", "vehicle moving"), ("ok", "vehicle positioned / interlock on"), ("alarm", "interlock broken"), ("fault", "fault"),
        };

        // The key to the colours, with the two kinds of marks, at the foot of the chart.
        private static void AppendLegend(StringBuilder sb, int y)
        {
            var c = CultureInfo.InvariantCulture;
            sb.Append(c, $"<g class=\"legend\"><text x=\"10\" y=\"{y + 10}\" font-weight=\"bold\">legend</text>");
            int x = LabelWidth - 100, row = 0;
            foreach (var (kind, words) in Legend)
            {
                int width = 24 + words.Length * 6;
                if (x + width > LabelWidth + ChartWidth) { x = LabelWidth - 100; row++; }
                int ly = y + row * 16;
                sb.Append(c, $"<rect x=\"{x}\" y=\"{ly}\" width=\"14\" height=\"11\" fill=\"{Colour(kind)}\" rx=\"2\"/><text x=\"{x + 18}\" y=\"{ly + 10}\">{Esc(words)}</text>");
                x += width;
            }
            foreach (var (col, words) in new[] { ("#d00000", "fault latched"), ("#e08000", "injected event") })
            {
                int width = 24 + words.Length * 6;
                if (x + width > LabelWidth + ChartWidth) { x = LabelWidth - 100; row++; }
                int ly = y + row * 16;
                sb.Append(c, $"<line x1=\"{x + 7}\" y1=\"{ly}\" x2=\"{x + 7}\" y2=\"{ly + 11}\" stroke=\"{col}\" stroke-width=\"1.5\" stroke-dasharray=\"4,2\"/><text x=\"{x + 18}\" y=\"{ly + 10}\">{Esc(words)}</text>");
                x += width;
            }
            sb.Append("</g>\n");
        }

        private static string Colour(string kind) => kind switch
        {
            "up" => "#2b6cb0",
            "down" => "#2c7a7b",
            "engage" => "#6b46c1",
            "release" => "#b7791f",
            "run" => "#2f855a",
            "busy" => "#718096",
            "ok" => "#68d391",
            "alarm" => "#e53e3e",
            "fault" => "#c53030",
            "state" => "#4a5568",
            "wait" => "#a0aec0",
            "model" => "#805ad5",
            "block" => "#dd6b20",
            _ => "#4a5568",
        };

        private static string Esc(string s) => SecurityElement.Escape(s ?? "");
    }
}
