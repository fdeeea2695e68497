using Station.Hal.Sim;
using Xunit;

namespace Station.Sim.Tests
{
    public class CriticalPathTests
    {
        [Fact]
        public void Default_bay_critical_path_is_the_sum_of_its_serial_motions()
        {
            var p = new PlantParameters();
            var c = CriticalPath.Compute(p);
            double lift = SimBay.MoveSeconds(p.VehicleHeightMm, p.LiftMaxSpeedMmS, p.LiftAccelMmS2);
            double expected = 4 * lift + 2 * p.LockTravelMs / 1000.0 + p.TransferPitchMm / p.TransferSpeedMmS;
            Assert.Equal(expected, c.TotalSeconds, 3);
            Assert.Equal(8, c.Segments.Count);
            Assert.Contains(c.Segments, s => s.Name == "stage charged pack" && !s.OnPath);
            Assert.InRange(c.TotalSeconds, 30, 100); // a car bay: well inside the published 100–150 s door to door
        }

        [Fact]
        public void Slow_staging_becomes_the_critical_branch()
        {
            var p = new PlantParameters { StagingSpeedMmS = 50 };
            var c = CriticalPath.Compute(p);
            double lift = SimBay.MoveSeconds(p.VehicleHeightMm, p.LiftMaxSpeedMmS, p.LiftAccelMmS2);
            double expected = p.StagingLengthMm / 50 + p.TransferPitchMm / p.TransferSpeedMmS + lift + p.LockTravelMs / 1000.0 + lift;
            Assert.Equal(expected, c.TotalSeconds, 3);
            Assert.Contains(c.Segments, s => s.Name == "unlock" && !s.OnPath);
        }
    }
}
