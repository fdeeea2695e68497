using Station.Core.Motion;

namespace Station.Core.Console
{
    /// <summary>Maintenance motion: jogs, homing and stopping them.</summary>
    public sealed partial class ControllerConsoleStation
    {
        /// <summary>Starts a capped maintenance move of the lift (Idle, homed, bay clear).</summary>
        public ConsoleOutcome StartLiftMove(int targetMm, int speedMmS)
        {
            string refusal = RefuseMotion(true);
            if (refusal != null)
            {
                return ConsoleOutcome.Refused(refusal);
            }

            StationConfig c = _controller.Config;
            if (targetMm < c.SoftLimitMinMm || targetMm > c.SoftLimitMaxMm)
            {
                return ConsoleOutcome.Refused("target " + targetMm.ToString() + " mm is outside the station's soft limits ("
                    + RoundMm(c.SoftLimitMinMm).ToString() + ".." + RoundMm(c.SoftLimitMaxMm).ToString() + " mm)");
            }

            _jogTargetMm = targetMm;
            _jogSpeedMmS = speedMmS;
            _jogMoving = false;
            return BeginPermitOperation(OpJog);
        }

        // Starts a console operation that drives something: MotionPermit on now; its update waits for the safety relay.
        private ConsoleOutcome BeginPermitOperation(int op)
        {
            _op = op;
            _opStartMs = _io.Clock.NowMs;
            _controller.Interlocks.SetPermit(true, _opStartMs);
            return ConsoleOutcome.Done("");
        }

        /// <summary>Starts homing through the core.</summary>
        public ConsoleOutcome StartHoming()
        {
            if (_op != OpNone)
            {
                return ConsoleOutcome.Refused("another console operation runs");
            }

            CommandResult r = _controller.Sequencer.Home();
            if (!r.Accepted)
            {
                return ConsoleOutcome.Refused(r.Message);
            }

            _op = OpHoming;
            _opStartMs = _io.Clock.NowMs;
            _progressAtMs = _opStartMs;
            return ConsoleOutcome.Done("");
        }

        /// <summary>Stops the console operation now.</summary>
        public void StopMotion()
        {
            switch (_op)
            {
                case OpJog:
                    _controller.Lift.Stop();
                    _controller.Interlocks.SetPermit(false, _io.Clock.NowMs);
                    EndOperation("jog stopped at " + LiftPositionMm.ToString() + " mm");
                    break;
                case OpHoming:
                    // A person asked for the stop: outputs off at once, no fault; the position is unknown again.
                    _controller.StopHoming();
                    EndOperation("homing stopped by the operator (lift at about " + LiftPositionMm.ToString()
                        + " mm, not homed; 'home' starts again)");
                    break;
                case OpSelfTest:
                    _selfTest.Abort("self-test stopped by key");
                    break;
                case OpStage:
                    _controller.StagingConveyor.Stop();
                    _controller.Interlocks.SetPermit(false, _io.Clock.NowMs);
                    EndOperation("staging stopped by key: the pack is still not at the staging sensor");
                    break;
                case OpRelock:
                    _relock.Stop();
                    break;
            }
        }

        /// <summary>Advances the console operation; called after the controller's tick.</summary>
        public void Update()
        {
            if (_op == OpNone)
            {
                return;
            }

            long now = _io.Clock.NowMs;
            if (_controller.State == SwapState.Faulted)
            {
                if (_op == OpSelfTest)
                {
                    _selfTest.FailLiftMoveByFault(FaultShort(FaultCode));
                    _selfTest.Abort("self-test ended by fault " + FaultShort(FaultCode));
                }
                else
                {
                    EndOperation(OpName() + " ended by fault " + FaultShort(FaultCode)
                        + " (lift at " + LiftPositionMm.ToString() + " mm)");
                }

                return;
            }

            switch (_op)
            {
                case OpJog:
                    UpdateJog(now);
                    break;
                case OpHoming:
                    if (_controller.State != SwapState.Homing)
                    {
                        EndOperation(_controller.Lift.IsHomed ? "homed: lift at " + LiftPositionMm.ToString() + " mm"
                            : "homing ended in state " + StateName);
                    }
                    else if (now - _progressAtMs >= ProgressPeriodMs)
                    {
                        // A homing takes many seconds: say that it moves, once a second.
                        _progressAtMs = now;
                        Progress("homing: " + ((now - _opStartMs) / 1000).ToString() + " s, lift at about "
                            + LiftPositionMm.ToString() + " mm, seeking the home switch; any key stops it");
                    }

                    break;
                case OpSelfTest:
                    _selfTest.Update(now);
                    break;
                case OpStage:
                    _staging.Update(now);
                    break;
                case OpRelock:
                    _relock.Update(now);
                    break;
            }
        }

        private string OpName()
        {
            switch (_op)
            {
                case OpJog: return "jog";
                case OpHoming: return "homing";
                case OpStage: return "staging";
                case OpRelock: return "locks engage";
                default: return "self-test";
            }
        }

        private void UpdateJog(long now)
        {
            if (!GuardInterlocks())
            {
                return;
            }

            LiftAxis lift = _controller.Lift;
            if (!_jogMoving)
            {
                if (!_controller.Interlocks.DrivesReady)
                {
                    // The core latches SafetyRelayNoResponse when the relay does not follow in time.
                    return;
                }

                if (!lift.MoveTo(_jogTargetMm, _jogSpeedMmS, now))
                {
                    _controller.Interlocks.SetPermit(false, now);
                    EndOperation("the lift refused the move (not homed, busy or outside its soft limits)");
                    return;
                }

                _jogMoving = true;
            }

            if (lift.TakeArrived())
            {
                _controller.Interlocks.SetPermit(false, now);
                EndOperation("jog done: lift at " + LiftPositionMm.ToString() + " mm");
            }
        }

        /// <summary>Outside the core's Motion states the sequencer does not watch the interlocks: a console motion does it
        /// here, after the controller sampled them this tick, and latches the interlock's fault (every output off now).</summary>
        internal bool GuardInterlocks()
        {
            Station.Core.FaultCode open = _controller.Interlocks.MotionFault(false);
            if (open == Station.Core.FaultCode.None)
            {
                return true;
            }

            _controller.Sequencer.RaiseFault(open);
            string what = OpName();
            if (_op == OpStage)
            {
                _controller.StagingConveyor.Stop();
            }

            _op = OpNone;
            _controller.Interlocks.SetPermit(false, _io.Clock.NowMs);
            Progress(what + " stopped by interlock: fault " + FaultShort((int)open) + " (lift at " + LiftPositionMm.ToString() + " mm)");
            return false;
        }

        // Null when console motion may start, otherwise why not in words.
        private string RefuseMotion(bool needsHome)
        {
            if (_op != OpNone)
            {
                return "another console operation runs";
            }

            switch (_controller.State)
            {
                case SwapState.Faulted:
                    return "fault " + DescribeFault(FaultCode) + " is latched: 'fault reset " + FaultCode.ToString() + "' first";
                case SwapState.Recovery:
                    return "recovery after a power loss is pending: 'recover confirm' first";
                case SwapState.NotHomed:
                    if (needsHome)
                    {
                        return "the lift is not homed: 'home' first";
                    }

                    break;
                case SwapState.Idle:
                    break;
                default:
                    return "the station is busy (" + StateName + ")";
            }

            if (!_controller.Interlocks.BayClear)
            {
                Station.Core.Safety.Interlocks il = _controller.Interlocks;
                return "the bay is not safe to move in:" + (il.EStopReleased ? "" : " the e-stop is pressed;")
                    + (il.LightCurtainClear ? "" : " the light curtain is interrupted;") + (il.DoorsClosed ? "" : " a door is open;")
                    + " clear it first";
            }

            if (_controller.Lift.Mode != LiftMode.Idle)
            {
                return "the lift is not idle";
            }

            return null;
        }

        /// <summary>Ends the console operation with <paramref name="message"/> as its last progress line.</summary>
        internal void EndOperation(string message)
        {
            _op = OpNone;
            _jogMoving = false;
            Progress(message);
        }
    }
}
