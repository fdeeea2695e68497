using System.Text;
using Station.Core.Swap;

namespace Station.Core.Console
{
    /// <summary>Where the bay's axes stand, in the words of its profile ("lift at 12 mm"; "travel at 0 mm, height at
    /// 0 mm, fork at 0 mm"), for the console's progress and end messages.</summary>
    public static class AxisPositions
    {
        /// <summary>Every axis and its position, "name" + <paramref name="at"/> + "N mm", comma-separated.</summary>
        public static string Text(BayDevices devices, string at)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < devices.Axes.Length; i++)
            {
                text.Append(i == 0 ? "" : ", ").Append(devices.Axes[i].Name).Append(at)
                    .Append(StationReports.RoundMm(devices.Axes[i].Axis.PositionMm)).Append(" mm");
            }

            return text.ToString();
        }

        /// <summary>The axes' names, comma-separated.</summary>
        public static string Names(BayDevices devices)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < devices.Axes.Length; i++)
            {
                text.Append(i == 0 ? "" : ", ").Append(devices.Axes[i].Name);
            }

            return text.ToString();
        }

        /// <summary>True when every axis is homed.</summary>
        public static bool AllHomed(BayDevices devices)
        {
            for (int i = 0; i < devices.Axes.Length; i++)
            {
                if (!devices.Axes[i].Axis.IsHomed)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
