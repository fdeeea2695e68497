using Station.Core.Motion;
using Station.Core.Swap;

namespace Station.Core.Console
{
    /// <summary>A maintenance jog of one axis (the car's lift, a truck robot's travel, height or fork): the permit is on
    /// (the host turned it on), the move starts once the safety relay follows, at the capped jog speed, and ends on
    /// arrival with the permit off. The sequencer supervises it like a swap's move (interlocks, the axis's deadline and
    /// stall checks).</summary>
    public sealed class AxisJog
    {
        private readonly MaintenanceMotion _host;
        private readonly StationController _controller;
        private readonly StationIo _io;
        private string _name;
        private LiftAxis _axis;
        private double _targetMm;
        private double _speedMmS;
        private bool _moving;

        /// <summary>Jogs on <paramref name="controller"/>'s axes, ending through <paramref name="host"/>.</summary>
        public AxisJog(MaintenanceMotion host, StationController controller, StationIo io)
        {
            _host = host;
            _controller = controller;
            _io = io;
        }

        /// <summary>Prepares a jog of the car's lift to <paramref name="targetMm"/> inside the station's soft limits.</summary>
        public ConsoleOutcome PrepareLift(int targetMm, int speedMmS)
        {
            StationConfig c = _controller.Config;
            if (targetMm < c.SoftLimitMinMm || targetMm > c.SoftLimitMaxMm)
            {
                return ConsoleOutcome.Refused("target " + targetMm.ToString() + " mm is outside the station's soft limits ("
                    + StationReports.RoundMm(c.SoftLimitMinMm).ToString() + ".." + StationReports.RoundMm(c.SoftLimitMaxMm).ToString() + " mm)");
            }

            Start("lift", _controller.Lift, targetMm, speedMmS);
            return ConsoleOutcome.Done("");
        }

        /// <summary>Prepares a jog of the axis of <paramref name="devices"/> named <paramref name="name"/> by
        /// <paramref name="mm"/>; accepted with the words saying what moves, or refused with why.</summary>
        public ConsoleOutcome Prepare(BayDevices devices, string name, int mm, int speedMmS)
        {
            DeviceAxis device = devices.Axis(name);
            string refusal = device == null ? "no axis '" + name + "'; the axes are " + AxisPositions.Names(devices) : Refusal(device, mm);
            if (refusal != null)
            {
                return ConsoleOutcome.Refused(refusal);
            }

            int target = StationReports.RoundMm(device.Axis.PositionMm) + mm;
            Start(device.Name, device.Axis, target, speedMmS);
            return ConsoleOutcome.Done("jogging " + device.Name + " " + Station.Core.Config.NumberText.Signed(mm) + " mm to "
                + target.ToString() + " mm at " + speedMmS.ToString() + " mm/s");
        }

        /// <summary>Why <paramref name="device"/> may not jog by <paramref name="mm"/> now (not homed, the axis that blocks
        /// it not home, the target outside its soft limits), or null.</summary>
        public static string Refusal(DeviceAxis device, int mm)
        {
            LiftAxis axis = device.Axis;
            if (!axis.IsHomed)
            {
                return "the " + device.Name + " is not homed, so its position is unknown; run 'home' first";
            }

            DeviceAxis blocker = device.Blocker;
            if (blocker != null && !blocker.Axis.IsHome)
            {
                // A fork standing in a cradle would be torn along with the travel or height: it must be in first.
                return "the " + device.Name + " moves only with the " + blocker.Name + " home, and the " + blocker.Name + " is at "
                    + StationReports.RoundMm(blocker.Axis.PositionMm).ToString() + " mm; jog it home first";
            }

            int position = StationReports.RoundMm(axis.PositionMm);
            int target = position + mm;
            int max = StationReports.RoundMm(device.Limits.SoftLimitMaxMm);
            int min = StationReports.RoundMm(device.Limits.SoftLimitMinMm);
            if (target > max || target < min)
            {
                int room = target > max ? max - position : position - min;
                string sign = target > max ? "+" : "-";
                return "target " + target.ToString() + " mm is outside the " + device.Name + "'s soft limits (" + min.ToString() + ".."
                    + max.ToString() + " mm; " + device.Name + " at " + position.ToString() + " mm); "
                    + (room > 0 ? "at most " + sign + room.ToString() + " mm is possible" : "no further move that way is possible");
            }

            return null;
        }

        /// <summary>The jogged axis's name and position, for messages ("lift at 12 mm").</summary>
        public string Where()
        {
            return _name + " at " + StationReports.RoundMm(_axis.PositionMm).ToString() + " mm";
        }

        // Prepares a jog of <axis> to <targetMm>; it moves once the relay follows.
        private void Start(string name, LiftAxis axis, double targetMm, double speedMmS)
        {
            _name = name;
            _axis = axis;
            _targetMm = targetMm;
            _speedMmS = speedMmS;
            _moving = false;
        }

        /// <summary>Starts the move once the drives have power; ends the jog through the host on arrival.</summary>
        public void Update(long now)
        {
            if (!_host.GuardInterlocks())
            {
                return;
            }

            if (!_moving)
            {
                if (!_controller.Interlocks.DrivesReady)
                {
                    // The core latches SafetyRelayNoResponse when the relay does not follow in time.
                    return;
                }

                if (!_axis.MoveTo(_targetMm, _speedMmS, now))
                {
                    _controller.Interlocks.SetPermit(false, now);
                    _host.EndOperation("the " + _name + " refused the move (not homed, busy or outside its soft limits)");
                    return;
                }

                _moving = true;
            }

            if (_axis.TakeArrived())
            {
                _controller.Interlocks.SetPermit(false, now);
                _host.EndOperation("jog done: " + Where());
            }
        }

        /// <summary>Stops the axis and drops the permit at once (a key).</summary>
        public void Stop()
        {
            _axis.Stop();
            _controller.Interlocks.SetPermit(false, _io.Clock.NowMs);
            _host.EndOperation("jog stopped at " + StationReports.RoundMm(_axis.PositionMm).ToString() + " mm");
        }
    }
}
