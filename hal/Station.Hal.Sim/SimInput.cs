using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A simulated digital input: the plant sets the physical truth every step; a fault may override what the
    /// core reads.</summary>
    public sealed class SimInput : IDigitalInput
    {
        private readonly IClock _clock;
        private long _glitchEndMs;

        /// <summary>An input named <paramref name="name"/> (the StationIo field name, e.g. "PackAtStaging" or "LockLocked[2]").</summary>
        public SimInput(string name, IClock clock, bool initial = false)
        {
            Name = name;
            _clock = clock;
            Truth = initial;
        }

        /// <summary>The StationIo name of this input.</summary>
        public string Name { get; }

        /// <summary>What the plant physically presents (before any injected fault).</summary>
        public bool Truth { get; set; }

        /// <summary>The injected fault, <see cref="SensorFault.None"/> when healthy.</summary>
        public SensorFault Fault { get; private set; }

        /// <summary>Half-period of the flicker in ms.</summary>
        public int FlickerMs { get; private set; } = 50;

        /// <summary>Number of times the core has read this input.</summary>
        public long ReadCount { get; private set; }

        /// <summary>Makes the input read <paramref name="active"/> whatever the plant does.</summary>
        public void Stick(bool active) => Fault = active ? SensorFault.StuckActive : SensorFault.StuckInactive;

        /// <summary>Makes the input invert its truth every <paramref name="halfPeriodMs"/> ms.</summary>
        public void StartFlicker(int halfPeriodMs)
        {
            FlickerMs = halfPeriodMs < 1 ? 1 : halfPeriodMs;
            Fault = SensorFault.Flicker;
        }

        /// <summary>Makes the input read the opposite of its truth for <paramref name="durationMs"/> from now, then heal.</summary>
        public void Glitch(int durationMs)
        {
            _glitchEndMs = _clock.NowMs + (durationMs < 1 ? 1 : durationMs);
            Fault = SensorFault.Glitch;
        }

        /// <summary>Injects <paramref name="fault"/> now: stuck, flicker (<paramref name="ms"/> half-period) or glitch
        /// (<paramref name="ms"/> long); None heals.</summary>
        public void Inject(SensorFault fault, int ms)
        {
            switch (fault)
            {
                case SensorFault.StuckActive: Stick(true); break;
                case SensorFault.StuckInactive: Stick(false); break;
                case SensorFault.Flicker: StartFlicker(ms); break;
                case SensorFault.Glitch: Glitch(ms); break;
                default: Heal(); break;
            }
        }

        /// <summary>Removes any injected fault.</summary>
        public void Heal() => Fault = SensorFault.None;

        /// <summary>What the core reads now.</summary>
        public bool Read()
        {
            ReadCount++;
            switch (Fault)
            {
                case SensorFault.StuckActive: return true;
                case SensorFault.StuckInactive: return false;
                case SensorFault.Flicker: return ((_clock.NowMs / FlickerMs) & 1) == 0 ? Truth : !Truth;
                case SensorFault.Glitch:
                    if (_clock.NowMs < _glitchEndMs) return !Truth;
                    Fault = SensorFault.None;
                    return Truth;
                default: return Truth;
            }
        }
    }
}
