using System.Collections.Generic;

namespace Station.Simulator
{
    /// <summary>A scenario's "expect" block: where the station must have ended. Null members are not checked.</summary>
    public sealed class ScenarioExpectation
    {
        /// <summary>State name the station must end in.</summary>
        public string FinalState;
        /// <summary>Fault latched at the end ("None" for no fault), by name or number.</summary>
        public string LatchedFault;
        /// <summary>Faults that must have been raised during the run (names or numbers), in any order.</summary>
        public List<string> FaultsRaised;
        /// <summary>Number of completed swaps.</summary>
        public int? SwapsCompleted;
        /// <summary>States the station must have passed through (e.g. "Recovery").</summary>
        public List<string> StatesSeen;
        /// <summary>True: every actuator output and the motion permit are off at the end.</summary>
        public bool? OutputsOff;
        /// <summary>True: the plant saw no hazard (no dropped pack, no vehicle leaving unlocked).</summary>
        public bool? NoHazards;
        /// <summary>True: the lift stands at its home switch at the end.</summary>
        public bool? LiftHome;
        /// <summary>Serial of the pack that must be in the vehicle at the end (or "none").</summary>
        public string VehiclePack;
        /// <summary>Serial of the pack that must be on the lift platform at the end (or "none").</summary>
        public string LiftPack;
        /// <summary>What the controller's pack inventory must say at the end: place ("staging", "lift", "vehicle",
        /// "return_point") → serial or "none". This is the core's knowledge, checked against the plant's truth by the
        /// other keys.</summary>
        public Dictionary<string, string> Inventory;
        /// <summary>States in which no actuator output nor the motion permit may ever be on (e.g. "Recovery").</summary>
        public List<string> NoMotionIn;
        /// <summary>States the controller must never have entered (e.g. "Transfer" after a fault before it).</summary>
        public List<string> NeverIn;
        /// <summary>Run events that must have happened in this order (others may come between): "state:NAME" (entered),
        /// "fault:NAME" (raised), "do:ACTION" (a scenario event fired).</summary>
        public List<string> EventsInOrder;
        /// <summary>Number of controller restarts after simulated power losses.</summary>
        public int? Restarts;
    }
}
