using System;

namespace Station.Hal.Sim
{
    /// <summary>A simulated linear axis: drive with speed reference, direction, enable and holding brake, an
    /// incremental encoder, a home switch, a far-end limit and a far-end contact sensor. Speed follows the reference with the drive's
    /// acceleration while it has torque (supply, enable, brake released); the brake stops it otherwise. Faults: a jam
    /// at a position, a runaway drive, a brake that does not hold. A hard ceiling (an end stop, or something the axis
    /// must not press into) is given per step by the bay that knows what stands there.</summary>
    public sealed class SimLinearAxis
    {
        private readonly PlantParameters _p;
        private readonly Action<string> _hazard;
        private readonly Action<string> _log;
        private bool _jammed;
        private bool _pressing;

        /// <summary>An axis over its ports (created by the bay, which keeps their names and order).</summary>
        public SimLinearAxis(PlantParameters p, SimPwm drive, SimOutput directionAway, SimOutput enable, SimOutput brakeRelease,
            SimInput homeSwitch, SimInput farLimit, SimInput farContact, Action<string> hazard, Action<string> log)
        {
            _p = p;
            Drive = drive;
            DirectionAway = directionAway;
            Enable = enable;
            BrakeRelease = brakeRelease;
            HomeSwitch = homeSwitch;
            FarLimit = farLimit;
            FarContact = farContact;
            _hazard = hazard;
            _log = log;
        }

        /// <summary>Drive speed reference.</summary>
        public SimPwm Drive { get; }
        /// <summary>Direction output (true = away from home).</summary>
        public SimOutput DirectionAway { get; }
        /// <summary>Drive enable output.</summary>
        public SimOutput Enable { get; }
        /// <summary>Brake release output.</summary>
        public SimOutput BrakeRelease { get; }
        /// <summary>Home switch.</summary>
        public SimInput HomeSwitch { get; }
        /// <summary>Far-end limit switch.</summary>
        public SimInput FarLimit { get; }
        /// <summary>Far-end contact sensor (made while the carriage touches what stands at the far end).</summary>
        public SimInput FarContact { get; }

        /// <summary>Position, mm from the bottom of the home switch's zone.</summary>
        public double PositionMm { get; private set; }
        /// <summary>Velocity, mm/s (positive = away from home).</summary>
        public double VelocityMmS { get; private set; }
        /// <summary>Simulated ms during which the drive was enabled with a speed reference against the closed brake.</summary>
        public long DrivenAgainstBrakeMs { get; private set; }
        /// <summary>Drive runaway: +1 away, -1 towards home, 0 healthy.</summary>
        public int Runaway { get; set; }
        /// <summary>A brake that does not hold: the unpowered axis sinks at this speed, mm/s (0 = the brake holds).</summary>
        public double BrakeSlipMmS { get; set; }
        /// <summary>Position at which the axis jams (NaN = none).</summary>
        public double JamAtMm { get; private set; } = double.NaN;
        /// <summary>True once the axis has reached the jam position and is stuck there.</summary>
        public bool Jammed => _jammed;

        /// <summary>True while the drive has torque: supplied, enabled and brake released.</summary>
        public bool Powered(bool supplied) => supplied && Enable.State && BrakeRelease.State;

        /// <summary>Sets the position directly (set-up; velocity becomes 0).</summary>
        public void Place(double mm)
        {
            PositionMm = mm;
            VelocityMmS = 0;
        }

        /// <summary>The axis will jam when it reaches <paramref name="mm"/>.</summary>
        public void JamAt(double mm)
        {
            JamAtMm = mm;
            _jammed = Math.Abs(PositionMm - mm) < 1e-9;
        }

        /// <summary>Removes the obstruction.</summary>
        public void ClearJam()
        {
            JamAtMm = double.NaN;
            _jammed = false;
        }

        /// <summary>Advances the axis by <paramref name="ms"/>. <paramref name="supplied"/>: the safety relay gives the
        /// drive power. <paramref name="ceilingMm"/>: the hard stop above; driving into it is a hazard named
        /// <paramref name="ceilingHazard"/> (a format string, {0} = the ceiling in mm).</summary>
        public void Step(int ms, bool supplied, double ceilingMm, string ceilingHazard)
        {
            var p = _p;
            double dt = ms / 1000.0;
            bool powered = Powered(supplied);
            if (supplied && Enable.State && !BrakeRelease.State && Drive.Duty > 0) DrivenAgainstBrakeMs += ms;

            double target = powered ? Drive.Duty * p.LiftMaxSpeedMmS * (DirectionAway.State ? 1 : -1) : 0;
            // A runaway drive ignores its enable and reference but still needs the relay's power and an open brake.
            bool runaway = Runaway != 0 && supplied && BrakeRelease.State;
            if (runaway) { powered = true; target = Runaway * p.LiftMaxSpeedMmS; }
            double rate = (powered ? p.LiftAccelMmS2 : p.LiftBrakeDecelMmS2) * dt;
            // A brake that does not hold lets the unpowered axis sink under its load.
            if (!powered && BrakeSlipMmS > 0 && PositionMm > -p.LiftOvertravelMm) { target = -BrakeSlipMmS; rate = p.LiftAccelMmS2 * dt; }
            double v = VelocityMmS;
            if (target > v) v = Math.Min(target, v + rate);
            else v = Math.Max(target, v - rate);

            double from = PositionMm;
            double to = from + v * dt;
            if (_jammed)
            {
                to = from;
                v = 0;
            }
            else if (!double.IsNaN(JamAtMm) && ((from - JamAtMm) * (to - JamAtMm) <= 0) && to != from)
            {
                to = JamAtMm;
                v = 0;
                _jammed = true;
                _log($"plant: lift jammed at {JamAtMm:0} mm");
            }

            if (to >= ceilingMm && v > 0)
            {
                to = ceilingMm;
                v = 0;
                if (powered && target > 0 && !_pressing)
                {
                    _pressing = true;
                    _hazard(string.Format(ceilingHazard, ceilingMm));
                }
            }
            else if (to < ceilingMm - 1) _pressing = false;
            double floor = -p.LiftOvertravelMm;
            if (to <= floor && v < 0)
            {
                to = floor;
                v = 0;
            }
            PositionMm = to;
            VelocityMmS = v;
        }

        /// <summary>Sets what the switches physically present; <paramref name="touching"/>: the carriage touches what stands
        /// at the far end (the bay knows what stands there).</summary>
        public void UpdateSensors(bool touching)
        {
            FarContact.Truth = touching;
            HomeSwitch.Truth = PositionMm <= _p.HomeSwitchMm;
            FarLimit.Truth = PositionMm >= _p.LiftTravelMm;
        }
    }
}
