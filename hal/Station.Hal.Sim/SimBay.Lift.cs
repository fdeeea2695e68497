using System;

namespace Station.Hal.Sim
{
    public sealed partial class SimBay
    {
        private bool _liftJammed;
        private bool _pressingVehicle;

        /// <summary>Lift platform height, mm: 0 is the bottom of the home switch's zone (which reaches up to
        /// <see cref="PlantParameters.HomeSwitchMm"/>); the mechanical stops lie beyond the switches.</summary>
        public double LiftPositionMm { get; private set; }

        /// <summary>Lift velocity, mm/s (positive = up).</summary>
        public double LiftVelocityMmS { get; private set; }

        /// <summary>Simulated ms during which the drive was enabled with a speed reference against the closed brake.</summary>
        public long LiftDrivenAgainstBrakeMs { get; private set; }

        /// <summary>True while the drive has torque: safety relay energised, enabled and brake released.</summary>
        public bool LiftPowered => !PowerIsOff && SafetyRelayEnergised && LiftEnable.State && LiftBrakeRelease.State;

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
            LiftPositionMm = mm;
            LiftVelocityMmS = 0;
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

        private void StepLift(int ms)
        {
            var p = Parameters;
            double dt = ms / 1000.0;
            bool powered = LiftPowered;
            if (!PowerIsOff && SafetyRelayEnergised && LiftEnable.State && !LiftBrakeRelease.State && LiftDrive.Duty > 0)
                LiftDrivenAgainstBrakeMs += ms;

            double target = powered ? LiftDrive.Duty * p.LiftMaxSpeedMmS * (LiftDirectionUp.State ? 1 : -1) : 0;
            // A runaway drive ignores its enable and reference but still needs the safety relay's power and an open brake.
            bool runaway = LiftRunaway != 0 && !PowerIsOff && SafetyRelayEnergised && LiftBrakeRelease.State;
            if (runaway) { powered = true; target = LiftRunaway * p.LiftMaxSpeedMmS; }
            double rate = (powered ? p.LiftAccelMmS2 : p.LiftBrakeDecelMmS2) * dt;
            // A brake that does not hold lets the unpowered platform sink under its load.
            if (!powered && BrakeSlipMmS > 0 && LiftPositionMm > -p.LiftOvertravelMm) { target = -BrakeSlipMmS; rate = p.LiftAccelMmS2 * dt; }
            double v = LiftVelocityMmS;
            if (target > v) v = Math.Min(target, v + rate);
            else v = Math.Max(target, v - rate);

            double from = LiftPositionMm;
            double to = from + v * dt;
            if (_liftJammed)
            {
                to = from;
                v = 0;
            }
            else if (!double.IsNaN(JamAtMm) && ((from - JamAtMm) * (to - JamAtMm) <= 0) && to != from)
            {
                to = JamAtMm;
                v = 0;
                _liftJammed = true;
                Log.Write(Station.Hal.LogLevel.Debug, $"plant: lift jammed at {JamAtMm:0} mm");
            }

            double ceiling = p.LiftTravelMm + p.LiftOvertravelMm;
            bool vehicleCeiling = VehicleCeilingPresent;
            if (vehicleCeiling) ceiling = Math.Min(ceiling, VehiclePackHeightMm + p.ContactComplianceMm);
            if (to >= ceiling && v > 0)
            {
                to = ceiling;
                v = 0;
                if (vehicleCeiling && powered && target > 0 && !_pressingVehicle)
                {
                    _pressingVehicle = true;
                    Hazard($"lift drove the pack into the vehicle past the seal compression ({ceiling:0} mm)");
                }
                else if (!vehicleCeiling && powered && target > 0 && !_pressingVehicle)
                {
                    _pressingVehicle = true;
                    Hazard($"lift drive ran the platform into its top end stop ({ceiling:0} mm)");
                }
            }
            else if (to < ceiling - 1) _pressingVehicle = false;
            double floor = -p.LiftOvertravelMm;
            if (to <= floor && v < 0)
            {
                to = floor;
                v = 0;
            }
            LiftPositionMm = to;
            LiftVelocityMmS = v;
        }
    }
}
