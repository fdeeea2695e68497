using System;
using System.Collections.Generic;
using System.Text;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The lift's single faults beyond a sensor level - the encoder's signal path (slip, scale, wrap, a jump),
    /// the drive (runaway either way, a speed reference stuck at full), the brake, a control tick 2 s late, the
    /// vehicle's pack at another height - × every step of homing and the swap, injected on entering the step and
    /// half-way into it. Each run must end as <see cref="SensorFaultMatrix"/> demands: no plant hazard, and a completed
    /// swap, a catalogued fault with every output off, or a safe hold.</summary>
    public static class LiftFaultMatrix
    {
        /// <summary>Every fault kind, by name: the injection returns the ms the controller then misses (tick_late).</summary>
        public static readonly Dictionary<string, Func<SimStation, int>> Kinds = new Dictionary<string, Func<SimStation, int>>
        {
            ["encoder slip 30 %"] = s => { s.Bay.EncoderPath.SlipFraction = 0.3; return 0; },
            ["encoder scale 0.8"] = s => { s.Bay.EncoderPath.Scale = 0.8; return 0; },
            ["encoder wrap 4096"] = s => { s.Bay.EncoderPath.WrapCounts = 4096; return 0; },
            ["encoder jump +1500"] = s => { s.Bay.EncoderPath.OffsetCounts = 1500; return 0; },
            ["runaway up"] = s => { s.Bay.LiftRunaway = 1; return 0; },
            ["runaway down"] = s => { s.Bay.LiftRunaway = -1; return 0; },
            ["drive reference stuck at full"] = s => { s.Bay.LiftDrive.StuckDuty = 1; return 0; },
            ["brake slips 20 mm/s"] = s => { s.Bay.BrakeSlipMmS = 20; return 0; },
            ["tick 2 s late"] = s => 2000,
            ["vehicle's pack 25 mm lower"] = s => { s.Plant.VehicleHeightErrorMm = -25; return 0; },
            ["vehicle's pack 25 mm higher"] = s => { s.Plant.VehicleHeightErrorMm = 25; return 0; },
        };

        /// <summary>Runs <paramref name="kind"/> at every step, on entry and half-way; one line per failing case.</summary>
        public static string RunKind(string kind)
        {
            var failures = new StringBuilder();
            foreach (var step in SensorFaultMatrix.Steps)
                foreach (bool halfWay in new[] { false, true })
                {
                    string failure = SensorFaultMatrix.RunCase(Kinds[kind], halfWay, step);
                    if (failure != null)
                        failures.Append(kind).Append(halfWay ? " half-way into " : " on entering ").Append(step).Append(": ").AppendLine(failure);
                }
            return failures.ToString();
        }
    }

    public class LiftFaultMatrixEncoderTests
    {
        public static IEnumerable<object[]> Kinds()
        {
            foreach (var k in LiftFaultMatrix.Kinds.Keys) if (k.StartsWith("encoder")) yield return new object[] { k };
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void An_encoder_signal_fault_at_any_step_causes_no_hazard(string kind)
        {
            string failures = LiftFaultMatrix.RunKind(kind);
            Assert.True(failures.Length == 0, failures);
        }
    }

    public class LiftFaultMatrixDriveTests
    {
        public static IEnumerable<object[]> Kinds()
        {
            foreach (var k in LiftFaultMatrix.Kinds.Keys) if (!k.StartsWith("encoder")) yield return new object[] { k };
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void A_drive_brake_timing_or_vehicle_fault_at_any_step_causes_no_hazard(string kind)
        {
            string failures = LiftFaultMatrix.RunKind(kind);
            Assert.True(failures.Length == 0, failures);
        }
    }
}
