using Station.Core.Motion;

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

        /// <summary>The jogged axis's name and position, for messages ("lift at 12 mm").</summary>
        public string Where()
        {
            return _name + " at " + StationReports.RoundMm(_axis.PositionMm).ToString() + " mm";
        }

        /// <summary>Prepares a jog of <paramref name="axis"/> to <paramref name="targetMm"/>; it moves once the relay follows.</summary>
        public void Start(string name, LiftAxis axis, double targetMm, double speedMmS)
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
