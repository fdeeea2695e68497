using System.Collections.Generic;
using System.Text.RegularExpressions;
using Station.Core;
using Station.Simulator;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The console during and after a swap on the simulated bay, in simulated time (every step, exactly): what
    /// <c>status</c> says in each step, and the way back after an emergency stop with the depleted pack on the lift.</summary>
    public class ConsoleSwapTests : SimConsoleFixture
    {
        private void ReadyForASwap()
        {
            EnterAndHome();
            Type("sim vehicle arrive CAR1\r");
            _bay.Run(_bay.Plant.VehicleArriveMs + 500);
            Assert.Contains("ready: waiting for an authorisation", Type("why\r"));
            Assert.Contains("the sequencer runs the swap", Type("swap authorize CAR1\r", 10));
        }

        [Fact]
        public void Status_reports_no_inventory_conflict_in_any_step_of_a_normal_swap()
        {
            ReadyForASwap();
            var asked = new HashSet<SwapState>();
            for (int t = 0; t < 200_000 && _bay.Controller.LastSwap == null; t += 10)
            {
                SwapState state = _bay.Controller.State;
                if (asked.Add(state))
                {
                    // Asked in the step itself: the reply comes within the same step (one poll).
                    _line.Type("status\r");
                    _bay.Tick();
                    string status = _line.TakeOutput();
                    Assert.Contains("station bay1: state", status);
                    Assert.DoesNotContain("not settled", status);
                    Assert.DoesNotContain("swaps are refused", status);
                }
                else
                {
                    _bay.Tick();
                    _line.TakeOutput();
                }
            }

            foreach (SwapState step in new[] { SwapState.Arming, SwapState.RaiseToPack, SwapState.Unlock, SwapState.LowerDepleted,
                SwapState.Transfer, SwapState.RaiseCharged, SwapState.Lock, SwapState.LowerEmpty, SwapState.ReleaseGate })
                Assert.Contains(step, asked);
            Assert.Equal(SwapOutcome.Completed, _bay.Controller.LastSwap.Outcome);
        }

        [Fact]
        public void After_an_emergency_stop_with_the_depleted_pack_on_the_lift_the_advice_can_be_followed()
        {
            ReadyForASwap();
            for (int t = 0; t < 60_000 && _bay.Controller.State != SwapState.LowerDepleted; t += 10) _bay.Tick();
            _bay.Run(500);
            Assert.Equal(SwapState.LowerDepleted, _bay.Controller.State);
            Assert.Contains("EMERGENCY STOP", Type("\x18"));
            Type("maint enter 1234\r");
            Assert.Contains("fault cleared", Type("fault reset 17\r"));
            // Nobody reaches under the raised lift: the simulated person waits for it to come home.
            Assert.Contains("nobody reaches a raised platform", Type("sim lift unload\r"));
            Type("home\r", 10);
            RunUntil("homed: lift at 0 mm", 60000);

            string status = Type("status\r");
            Assert.Contains("not settled", status);
            Assert.Contains("the inventory has pack unknown@CAR1 on the lift", status);
            Assert.Contains("'rack set <slot> <serial on its label> <soc> <state>'", status);
            Assert.Contains("its serial was never reported: use the one on the pack's label", status);

            string unloaded = Type("sim lift unload\r");
            Match m = Regex.Match(unloaded, @"then '(rack set (\d+) (\S+) (\d+) charging)'");
            Assert.True(m.Success, unloaded);
            Assert.False(_bay.Bay.PackOnLift.Truth);
            Assert.Contains("lift: empty", Type("pack place lift none\r"));
            string recorded = Type(m.Groups[1].Value + "\r");
            Assert.DoesNotContain("not a pack serial", recorded);
            Assert.Contains("slot " + m.Groups[2].Value + ": " + m.Groups[3].Value, recorded);
            Assert.DoesNotContain("on the lift", Type("status\r"));
        }


        [Fact]
        public void Fault_texts_name_the_configuration_key_and_its_value_now()
        {
            EnterAndHome();
            Type("sim stall 5\r");
            Type("lift jog +20\r", 10);
            RunUntil("maintenance ended by fault", 30000);
            string faults = Type("faults\r");
            Assert.Matches(@"lift\.stall_window_ms \(= \d+ ms\)|lift\.move_timeout_margin_ms \(= \d+ ms\)", faults);
            Assert.DoesNotMatch(@"StallWindowMs|MoveTimeoutMarginMs|LockTravelMs|MinSocPct", faults);
            // The recent-fault lines carry the time as UTC (the simulated clock is set), not ms since boot.
            Assert.Matches(@"raised \d+ \w+: .* at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", faults);
        }

        [Fact]
        public void A_key_during_homing_stops_the_lift_at_once_without_a_fault()
        {
            EnterAndHome();
            Type("config set lift.jog_speed_mm_s 100\r");
            Type("config set lift.jog_step_mm 200\r");
            Type("lift jog +200\r", 10);
            RunUntil("jog done", 30000);
            Type("home\r", 10);
            string progress = RunUntil("homing: 1 s, lift at about", 5000);
            Assert.True(_bay.Bay.LiftVelocityMmS < -1, "homing moves the lift down");
            _line.Type("q");
            _bay.Tick();
            // Outputs off in the tick that read the key; the plant's brake then brings the lift to rest.
            Assert.False(_bay.Bay.MotionPermit.State);
            Assert.False(_bay.Bay.LiftEnable.State);
            string stopped = _line.TakeOutput() + RunFor(300);
            Assert.Contains("homing stopped by the operator", stopped);
            Assert.Equal(0, _bay.Bay.LiftVelocityMmS, 3);
            Assert.Equal(FaultCode.None, _bay.Controller.LatchedFault);
            Assert.Equal(SwapState.NotHomed, _bay.Controller.State);
            Assert.True(_bay.Console.InMaintenance);
            // The key that stopped the homing began a line; Enter closes it (a line is refused whole, never run from its tail).
            Type("\r", 10);
            Assert.Contains("homed: lift at 0 mm", Type("home\r", 30000));
        }
    }
}
