namespace Station.Core
{
    /// <summary>Name and parent tables for <see cref="SwapState"/> (nanoFramework prints an enum as a number).</summary>
    public static class SwapStates
    {
        /// <summary>Number of states (the enum runs 0..Count-1).</summary>
        public const int Count = 30;

        private static readonly string[] Names =
        {
            "Off", "Recovery", "NotHomed", "Homing", "Idle", "Arming", "RaiseToPack", "Unlock", "LowerDepleted",
            "WaitStaged", "Transfer", "RaiseCharged", "Lock", "LowerEmpty", "ReleaseGate", "Released",
            "Faulted", "Motion", "Swapping",
            "RobotToBlock", "ForkUnderBlock", "UnlatchBlock", "LiftBlock", "ForkOutLoaded", "RobotToExchange",
            "ForkInLoaded", "SetDownBlock", "LatchBlock", "ForkOutEmpty", "ParkRobot",
        };

        // Parent of each state; Off means "top level".
        private static readonly SwapState[] Parents =
        {
            SwapState.Off, SwapState.Off, SwapState.Off, SwapState.Motion, SwapState.Off,
            SwapState.Swapping, SwapState.Swapping, SwapState.Swapping, SwapState.Swapping, SwapState.Swapping,
            SwapState.Swapping, SwapState.Swapping, SwapState.Swapping, SwapState.Swapping, SwapState.Swapping,
            SwapState.Off, SwapState.Off, SwapState.Off, SwapState.Motion,
            SwapState.Swapping, SwapState.Swapping, SwapState.Swapping, SwapState.Swapping, SwapState.Swapping,
            SwapState.Swapping, SwapState.Swapping, SwapState.Swapping, SwapState.Swapping, SwapState.Swapping,
            SwapState.Swapping,
        };

        /// <summary>The state's name, e.g. "RaiseToPack"; "?" for an unknown number.</summary>
        // Bit a of Ancestry[s] is set when state s is state a or lies inside it: IsIn, asked several times in every
        // control tick, is one array read instead of a walk up the parents (calls are dear on nanoFramework).
        private static readonly int[] Ancestry = BuildAncestry();

        private static int[] BuildAncestry()
        {
            int[] ancestry = new int[Count];
            for (int i = 0; i < Count; i++)
            {
                SwapState s = (SwapState)i;
                for (int depth = 0; depth < 4; depth++)
                {
                    ancestry[i] |= 1 << (int)s;
                    if (s == SwapState.Off) break;
                    s = Parents[(int)s];
                }
            }
            return ancestry;
        }

        public static string Name(SwapState state)
        {
            int i = (int)state;
            return i >= 0 && i < Count ? Names[i] : "?";
        }

        /// <summary>The state's parent, or <see cref="SwapState.Off"/> at the top level.</summary>
        public static SwapState Parent(SwapState state)
        {
            int i = (int)state;
            return i >= 0 && i < Count ? Parents[i] : SwapState.Off;
        }

        /// <summary>True when <paramref name="state"/> is <paramref name="ancestor"/> or lies inside it.</summary>
        public static bool IsIn(SwapState state, SwapState ancestor)
        {
            int i = (int)state, a = (int)ancestor;
            if (i < 0 || i >= Count || a < 0 || a >= Count) return state == ancestor;
            return (Ancestry[i] & (1 << a)) != 0;
        }

        /// <summary>True for composite states that are never current on their own.</summary>
        public static bool IsComposite(SwapState state)
        {
            return state == SwapState.Motion || state == SwapState.Swapping;
        }

        /// <summary>Parses a name back to a state; false when unknown.</summary>
        public static bool TryParse(string name, out SwapState state)
        {
            for (int i = 0; i < Count; i++)
            {
                if (Names[i] == name) { state = (SwapState)i; return true; }
            }
            state = SwapState.Off;
            return false;
        }
    }
}
