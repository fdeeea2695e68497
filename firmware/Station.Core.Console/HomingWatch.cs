using Station.Core.Swap;

namespace Station.Core.Console
{
    /// <summary>Follows the core's homing (started by <c>home</c> or by a confirmed recovery): a progress line once a
    /// second, the end when the core leaves Homing, and the operator's stop (outputs off, no fault, not homed).</summary>
    public sealed class HomingWatch
    {
        /// <summary>How often a homing reports its progress, in ms.</summary>
        public const int ProgressPeriodMs = 1000;

        private readonly MaintenanceMotion _host;
        private readonly StationController _controller;
        private readonly BayDevices _devices;
        private long _startMs;
        private long _progressAtMs;

        /// <summary>The homing of <paramref name="controller"/>, reported through <paramref name="host"/>.</summary>
        public HomingWatch(MaintenanceMotion host, StationController controller, BayDevices devices)
        {
            _host = host;
            _controller = controller;
            _devices = devices;
        }

        /// <summary>Starts following at <paramref name="now"/>.</summary>
        public void Start(long now)
        {
            _startMs = now;
            _progressAtMs = now;
        }

        /// <summary>A progress line once a second; the end when the core leaves Homing.</summary>
        public void Update(long now)
        {
            if (_controller.State != SwapState.Homing)
            {
                _host.EndOperation(AxisPositions.AllHomed(_devices) ? "homed: " + AxisPositions.Text(_devices, " at ")
                    : "homing ended in state " + SwapStates.Name(_controller.State).ToLower());
            }
            else if (now - _progressAtMs >= ProgressPeriodMs)
            {
                // A homing takes many seconds: say that it moves, once a second.
                _progressAtMs = now;
                _host.Progress("homing: " + ((now - _startMs) / 1000).ToString() + " s, "
                    + AxisPositions.Text(_devices, " at about ") + ", seeking the home switch; any key stops it");
            }
        }

        /// <summary>A person asked for the stop: outputs off at once, no fault; the position is unknown again.</summary>
        public void Stop()
        {
            _controller.StopHoming();
            _host.EndOperation("homing stopped by the operator (" + AxisPositions.Text(_devices, " at about ")
                + ", not homed; 'home' starts again)");
        }
    }
}
