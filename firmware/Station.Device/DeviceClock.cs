using System;
using Station.Hal;

namespace Station.Device
{
    /// <summary>The device's clocks: a monotonic tick count for deadlines, the RTC (set by SNTP or by hand) for records.</summary>
    public sealed class DeviceClock : IClock
    {
        /// <inheritdoc />
        public long NowMs
        {
            // TickCount64 counts milliseconds since boot and never jumps, unlike UtcNow.
            get { return Environment.TickCount64; }
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }
    }
}
