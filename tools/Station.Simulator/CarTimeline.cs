using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>Records, tick by tick, what the car bay's actuators and interlocks do into a run's timeline rows.</summary>
    public static class CarTimeline
    {
        /// <summary>Sets every actuator and interlock row of <paramref name="t"/> from <paramref name="bay"/> at
        /// <paramref name="now"/>.</summary>
        public static void Record(Timeline t, SimBay bay, PlantParameters plant, long now)
        {
            var lift = t.Row("lift", "actuator");
            double v = bay.LiftVelocityMmS;
            lift.Set(now, v > 0.5 ? "up" : v < -0.5 ? "down" : null, v > 0 ? "up" : "down");
            for (int i = 0; i < plant.LockCount; i++)
            {
                bool e = bay.LockEngage[i].State, r = bay.LockRelease[i].State;
                t.Row($"lock {i}", "actuator").Set(now, e && !r ? "engage" : r && !e ? "release" : null, e ? "engage" : "release");
            }
            t.Row("staging conveyor", "actuator").Set(now, bay.StagingRunning ? "run" : null, "run");
            t.Row("transfer conveyor", "actuator").Set(now, bay.TransferRunning ? "run" : null, "run");
            RecordRack(t, bay, now);
            var veh = bay.Vehicle;
            t.Row("vehicle", "actuator").Set(now, veh == null ? null : veh.State.ToString().ToLowerInvariant(), veh?.State == VehicleState.Positioned ? "ok" : "wait");
            RecordSafety(t, bay, bay.VehiclePositioned, now);
        }

        /// <summary>The rack handler's row (shared by both bays: the truck bay's rack is the car plant's).</summary>
        public static void RecordRack(Timeline t, SimBay bay, long now)
        {
            var h = bay.Rack.InHandler;
            t.Row("rack handler", "actuator").Set(now, h == null ? null : h.Serial, "busy");
        }

        /// <summary>The safety chain's rows and the vehicle's <paramref name="positioned"/> sensor (shared by both bays).</summary>
        public static void RecordSafety(Timeline t, SimBay bay, SimInput positioned, long now)
        {
            t.Row("e-stop", "interlock").Set(now, bay.EStopReleased.Read() ? null : "pressed", "alarm");
            t.Row("light curtain", "interlock").Set(now, bay.LightCurtainClear.Read() ? null : "broken", "alarm");
            t.Row("doors", "interlock").Set(now, bay.DoorsClosed.Read() ? null : "open", "alarm");
            t.Row("vehicle positioned", "interlock").Set(now, positioned.Read() ? "positioned" : null, "ok");
            t.Row("safety relay", "interlock").Set(now, bay.SafetyRelayOk.Read() ? "on" : null, "ok");
            t.Row("motion permit", "interlock").Set(now, bay.MotionPermit.State ? "on" : null, "ok");
        }

        /// <summary>True when any of the car plant's actuator outputs, the lift's speed reference or the permit is on.</summary>
        public static bool AnyActuatorOn(SimBay bay)
        {
            if (bay.LiftDrive.Duty > 0) return true;
            foreach (var o in bay.Outputs) if (o.State) return true;
            return false;
        }
    }
}
