using System.Collections.Generic;

namespace Station.Simulator
{
    /// <summary>What a simulated run (either bay) saw, for the summary, the scenario checks and the timeline: faults,
    /// states entered, states with motion, the ordered history, fired events, operator answers that differed from
    /// what a scenario expected.</summary>
    public sealed class RunRecord
    {
        /// <summary>Faults raised, in order.</summary>
        public List<FaultSeen> Faults { get; } = new List<FaultSeen>();
        /// <summary>Every state the controller was in.</summary>
        public HashSet<string> StatesSeen { get; } = new HashSet<string>();
        /// <summary>States in which some actuator output or the motion permit was on.</summary>
        public HashSet<string> MotionSeenIn { get; } = new HashSet<string>();
        /// <summary>What happened, in order, for the "events_in_order" check: "state:NAME" when the controller entered a
        /// state, "fault:NAME" when it raised a fault, "do:ACTION" when a scenario event fired.</summary>
        public List<string> History { get; } = new List<string>();
        /// <summary>Scenario events that fired, with their time.</summary>
        public List<string> EventsFired { get; } = new List<string>();
        /// <summary>Operator commands whose answer differed from the event's "expect" (one line each).</summary>
        public List<string> CommandFailures { get; } = new List<string>();
        /// <summary>Recorded timeline.</summary>
        public Timeline Timeline { get; } = new Timeline();
    }
}
