using Station.Core.Motion;
using Station.Hal;

namespace Station.Core.Safety
{
    /// <summary>The bay's interlocks as the firmware sees them: e-stop, light curtain, doors, vehicle position, and the
    /// safety relay / STO feedback read back against the MotionPermit request.</summary>
    /// <remarks>
    /// The hard-wired e-stop and STO are the real safety function; this class reads their feedback so the firmware
    /// stops its own outputs in the same tick and latches a numbered fault. Every input here drops at once (no
    /// debounce on the way to "unsafe"). Relay read-back: the relay must follow MotionPermit within RelayResponseMs;
    /// a relay that drops while motion is permitted is SafetyRelayDropped at once; one that stays on while no motion
    /// is permitted is SafetyRelayWelded.
    /// </remarks>
    public sealed class Interlocks
    {
        private readonly IDigitalOutput _permit;
        // The same output when the bay registered it (it always does): its commanded level is a field there, where
        // asking the port is an interface call and a getter call in every tick.
        private readonly GuardedOutput _permitGuard;
        private readonly IDigitalOutput _kick;
        private bool _kickLevel;
        private readonly DebouncedInput _estop;
        private readonly DebouncedInput _curtain;
        private readonly DebouncedInput _doors;
        private readonly DebouncedInput _vehicle;
        private readonly DebouncedInput _relay;
        // All five, sampled as one InputGroup.
        private readonly InputGroup _inputs;
        private readonly int _relayResponseMs;
        private readonly OutputRegistry _outputs;
        private long _permitChangedMs;
        private bool _relayConfirmed;

        /// <summary>Builds the interlocks over the bay's safety ports.</summary>
        public Interlocks(StationIo io, StationConfig config)
        {
            _permit = io.Safety.MotionPermit;
            _permitGuard = _permit as GuardedOutput;
            _kick = io.Safety.PermitWatchdogKick;
            _estop = new DebouncedInput(io.Safety.EStopReleased, config.InputDebounceMs, true);
            _curtain = new DebouncedInput(io.Safety.LightCurtainClear, config.InputDebounceMs, true);
            _doors = new DebouncedInput(io.Safety.DoorsClosed, config.InputDebounceMs, true);
            _vehicle = new DebouncedInput(io.Sensors.VehiclePositioned, config.InputDebounceMs, true);
            _relay = new DebouncedInput(io.Safety.RelayFeedback, config.InputDebounceMs, true);
            _inputs = new InputGroup(new DebouncedInput[] { _estop, _curtain, _doors, _vehicle, _relay });
            _relayResponseMs = config.RelayResponseMs;
            _outputs = io.Outputs;
        }

        /// <summary>E-stop circuit released.</summary>
        public bool EStopReleased { get { return _estop.Level; } }
        /// <summary>Light curtain beams clear.</summary>
        public bool LightCurtainClear { get { return _curtain.Level; } }
        /// <summary>Doors closed.</summary>
        public bool DoorsClosed { get { return _doors.Level; } }
        /// <summary>Vehicle at the swap position.</summary>
        public bool VehiclePositioned { get { return _vehicle.Level; } }
        /// <summary>Safety relay feedback.</summary>
        public bool SafetyRelayOk { get { return _relay.Level; } }
        /// <summary>The bay's output registry, or null when the bay registered none.</summary>
        public OutputRegistry Outputs { get { return _outputs; } }
        /// <summary>MotionPermit as last written.</summary>
        public bool PermitRequested { get { return _permitGuard != null ? _permitGuard.Commanded : _permit.State; } }

        /// <summary>E-stop released, curtain clear, doors closed: nobody can be in the bay's danger zone.</summary>
        public bool BayClear { get { return _estop.Level && _curtain.Level && _doors.Level; } }

        /// <summary>Motion is permitted and the relay has confirmed it: drives may run.</summary>
        public bool DrivesReady { get { return _permit.State && _relay.Level; } }

        /// <summary>Samples every interlock input afresh, outside the tick (power-up); the tick calls
        /// <see cref="KickAndSample"/>.</summary>
        public void Sample(long nowMs)
        {
            _inputs.Sample(nowMs);
            // Once confirmed, the permit need not be asked again (an interface call) until SetPermit withdraws it. (An
            // expression, not an if, here and in KickAndSample: a Debug build keeps a local per if, set up per call.)
            _relayConfirmed = _relayConfirmed || (_relay.Level && _permit.State);
        }

        /// <summary>Makes the interlocks' inputs read their bank from <paramref name="scan"/> in the tick.</summary>
        internal void JoinScan(InputScan scan) { scan.Join(_inputs); }

        /// <summary>Toggles the permit watchdog's input, then samples as <see cref="Sample"/>, from the tick's
        /// <see cref="InputScan"/> once joined; call once per control tick, after the scan (a loop that stops calling it
        /// loses the motion permit in hardware).</summary>
        /// <remarks>One call for both, and the input group's common case inline as the lift's feedback takes its bank's
        /// word: a call per tick is dear on nanoFramework's interpreter.</remarks>
        public void KickAndSample(long nowMs)
        {
            _kickLevel = !_kickLevel;
            _kick.Write(_kickLevel);
            InputGroup g = _inputs;
            if (g.Reading != null && g.Settled)
            {
                int levels = g.Reading.Levels & g.Mask;
                if (levels != g.Levels) g.Take(levels, nowMs);
            }
            else g.Sample(nowMs);
            _relayConfirmed = _relayConfirmed || (_relay.Level && _permit.State);
        }

        /// <summary>Requests (or withdraws) motion from the safety relay.</summary>
        public void SetPermit(bool on, long nowMs)
        {
            if (_permit.State != on) _permitChangedMs = nowMs;
            if (!on) _relayConfirmed = false;
            _permit.Write(on);
        }

        /// <summary>The first open interlock that forbids motion, or None. The vehicle counts only during a swap.</summary>
        public FaultCode MotionFault(bool vehicleRequired)
        {
            // (The tick asks only once TickFault's one test has found something open.)
            if (!_estop.Level) return FaultCode.EStopPressed;
            if (!_curtain.Level) return FaultCode.LightCurtainBroken;
            if (!_doors.Level) return FaultCode.DoorOpened;
            return vehicleRequired && !_vehicle.Level ? FaultCode.VehicleMoved : FaultCode.None;
        }

        /// <summary>The tick's checks in one call: <see cref="MotionFault"/> when <paramref name="inMotion"/> or (not
        /// <paramref name="faulted"/>) motion is requested, then, unless <paramref name="faulted"/>, the safety relay's
        /// read-back against the MotionPermit request and the output registry's supervision (on-times, read-backs; when
        /// the bay registered its outputs). Returns the first fault or None.</summary>
        public FaultCode TickFault(bool inMotion, bool faulted, bool vehicleRequired, long nowMs)
        {
            bool permit = _permitGuard != null ? _permitGuard.Commanded : _permit.State;
            // All closed (nearly every tick) in the same test as whether to look: MotionFault is called only for a fault.
            if ((inMotion || (!faulted && permit)) && !(_estop.Level && _curtain.Level && _doors.Level && (_vehicle.Level || !vehicleRequired)))
                return MotionFault(vehicleRequired);
            if (faulted) return FaultCode.None;
            // The relay's read-back: a relay that drops while motion is permitted is SafetyRelayDropped at once, one that
            // does not follow the request within RelayResponseMs is SafetyRelayNoResponse or SafetyRelayWelded. The relay
            // as requested (nearly every tick) is neither.
            if (permit != _relay.Level)
            {
                if (permit && _relayConfirmed) return FaultCode.SafetyRelayDropped;
                if (nowMs - _permitChangedMs >= _relayResponseMs) return permit ? FaultCode.SafetyRelayNoResponse : FaultCode.SafetyRelayWelded;
            }
            return _outputs == null ? FaultCode.None : _outputs.Supervise(nowMs);
        }

        /// <summary>True when the relay reads on although no motion has been permitted for longer than its response time.</summary>
        public bool RelayOnWithoutPermit(long nowMs)
        {
            return _relay.Level && !_permit.State && nowMs - _permitChangedMs >= _relayResponseMs;
        }

        /// <summary>True when the inputs allow a fault reset, a confirmation or homing: bay clear, no permit, and the relay
        /// off (or still inside its response time after the permit was withdrawn).</summary>
        public bool HealthyForReset(long nowMs)
        {
            if (!BayClear || _permit.State) return false;
            return !_relay.Level || nowMs - _permitChangedMs < _relayResponseMs;
        }
    }
}
