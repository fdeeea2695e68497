using Station.Core.Motion;
using Station.Core.Swap;

namespace Station.Core.Console
{
    /// <summary>Whether a console motion may start: no fault, no pending recovery, the station idle (or not homed, when
    /// the motion does not need the position), no interrupted transfer left unsettled, the bay clear and every axis
    /// standing.</summary>
    public sealed class MotionPermission
    {
        private readonly StationController _controller;
        private readonly BayDevices _devices;

        /// <summary>The permission checks of <paramref name="controller"/>'s <paramref name="devices"/>.</summary>
        public MotionPermission(StationController controller, BayDevices devices)
        {
            _controller = controller;
            _devices = devices;
        }

        /// <summary>Null when a console motion may start, otherwise why not in words.</summary>
        public string Refusal(bool needsHome)
        {
            switch (_controller.State)
            {
                case SwapState.Faulted:
                    int code = (int)_controller.LatchedFault;
                    return "fault " + StationReports.DescribeFault(code) + " is latched: 'fault reset " + code.ToString() + "' first";
                case SwapState.Recovery:
                    return "recovery after a power loss is pending: 'recover confirm' first";
                case SwapState.NotHomed:
                    if (needsHome)
                    {
                        return "the " + _devices.Mover + " is not homed: 'home' first";
                    }

                    break;
                case SwapState.Idle:
                    break;
                default:
                    return "the station is busy (" + SwapStates.Name(_controller.State).ToLower() + ")";
            }

            // A transfer a cut or fault stopped part-way may leave a pack across the platform's edge: any axis move, the
            // self-test's or a conveyor's too, can drop it. Homing is refused for the same reason (BayProfile.HomingHold).
            string hold = _controller.Sequencer.Profile.HomingHold(_controller.Sequencer);
            if (hold != null)
            {
                return hold;
            }

            if (!_controller.Interlocks.BayClear)
            {
                Station.Core.Safety.Interlocks il = _controller.Interlocks;
                return "the bay is not safe to move in:" + (il.EStopReleased ? "" : " the e-stop is pressed;")
                    + (il.LightCurtainClear ? "" : " the light curtain is interrupted;") + (il.DoorsClosed ? "" : " a door is open;")
                    + " clear it first";
            }

            for (int i = 0; i < _devices.Axes.Length; i++)
            {
                if (_devices.Axes[i].Axis.Mode != LiftMode.Idle)
                {
                    return "the " + _devices.Axes[i].Name + " is not idle";
                }
            }

            return null;
        }
    }
}
