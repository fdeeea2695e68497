using System;

namespace Station.Hal.Sim
{
    public sealed partial class SimBay
    {
        private const string PressedIntoVehicle = "lift drove the pack into the vehicle past the seal compression ({0:0} mm)";
        private const string RanIntoEndStop = "lift drive ran the platform into its top end stop ({0:0} mm)";

        /// <summary>The lift axis device.</summary>
        public SimLinearAxis LiftAxis { get; private set; }

        /// <summary>Lift platform height, mm: 0 is the bottom of the home switch's zone (which reaches up to
        /// <see cref="PlantParameters.HomeSwitchMm"/>); the mechanical stops lie beyond the switches.</summary>
        public double LiftPositionMm => LiftAxis.PositionMm;

        /// <summary>Lift velocity, mm/s (positive = up).</summary>
        public double LiftVelocityMmS => LiftAxis.VelocityMmS;

        /// <summary>Simulated ms during which the drive was enabled with a speed reference against the closed brake.</summary>
        public long LiftDrivenAgainstBrakeMs => LiftAxis.DrivenAgainstBrakeMs;

        /// <summary>True while the drive has torque: safety relay energised, enabled and brake released.</summary>
        public bool LiftPowered => LiftAxis.Powered(!PowerIsOff && SafetyRelayEnergised);

        /// <summary>True when the platform touches the underside of the vehicle's pack position.</summary>
        public bool AtContact => Vehicle != null && LiftPositionMm >= VehiclePackHeightMm - Parameters.ContactWindowMm;

        /// <summary>True when something above the platform stops it at the vehicle: the vehicle's pack, or the pack the
        /// platform carries meeting the vehicle's pack bay.</summary>
        public bool VehicleCeilingPresent => Vehicle != null && (Vehicle.Pack != null || PackOnPlatform != null);

        /// <summary>Where the vehicles' pack really sits, mm: the configured height plus <see cref="PlantParameters.VehicleHeightErrorMm"/>.</summary>
        public double VehiclePackHeightMm => Parameters.VehicleHeightMm + Parameters.VehicleHeightErrorMm;

        /// <summary>True when the platform lines up with the conveyors (at home).</summary>
        public bool LiftAligned => LiftPositionMm <= Parameters.TransferAlignMm;

        /// <summary>The pack standing on the lift platform, or null.</summary>
        public SimPack PackOnPlatform
        {
            get
            {
                foreach (var p in _packs) if (p.Place == SimPackPlace.Lift) return p;
                return null;
            }
        }

        /// <summary>Sets the lift position directly (test set-up; velocity becomes 0). The encoder keeps its reference.</summary>
        public void PlaceLift(double mm)
        {
            LiftAxis.Place(mm);
            UpdateSensors();
        }

        /// <summary>Time in seconds for a trapezoidal move of <paramref name="distanceMm"/> at the plant's top speed and
        /// acceleration (from rest to rest). Used for the critical path.</summary>
        public static double MoveSeconds(double distanceMm, double maxSpeed, double accel)
        {
            distanceMm = Math.Abs(distanceMm);
            double accelDist = maxSpeed * maxSpeed / accel; // to top speed and back down
            if (distanceMm <= accelDist) return 2 * Math.Sqrt(distanceMm / accel);
            return 2 * maxSpeed / accel + (distanceMm - accelDist) / maxSpeed;
        }

        // The vehicle's pack (or the pack on the platform under a vehicle) is the lift's ceiling: pressing past the
        // seal compression is a hazard; without a vehicle the top end stop is.
        private void StepLift(int ms)
        {
            var p = Parameters;
            double ceiling = p.LiftTravelMm + p.LiftOvertravelMm;
            bool vehicleCeiling = VehicleCeilingPresent;
            if (vehicleCeiling) ceiling = Math.Min(ceiling, VehiclePackHeightMm + p.ContactComplianceMm);
            LiftAxis.Step(ms, !PowerIsOff && SafetyRelayEnergised, ceiling, vehicleCeiling ? PressedIntoVehicle : RanIntoEndStop);
        }
    }
}
