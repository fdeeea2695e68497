using Station.Core.Motion;

namespace Station.Core.Swap
{
    /// <summary>A lock set as the bay names it to the technician: the car's pack locks, a truck block's latches or its
    /// connector (locked = mated).</summary>
    public sealed class DeviceLockSet
    {
        /// <summary>The set's name in status ("locks", "block 1 latches", "block 1 connector").</summary>
        public readonly string Name;
        /// <summary>One member's name in the self-test ("lock", "block 1 latch", "block 1 connector").</summary>
        public readonly string Member;
        /// <summary>The lock set.</summary>
        public readonly LockSet Locks;
        /// <summary>The word for the locked end ("locked", "mated").</summary>
        public readonly string LockedWord;
        /// <summary>The word for the released end ("unlocked", "unmated").</summary>
        public readonly string UnlockedWord;

        /// <summary>The lock set <paramref name="locks"/> named <paramref name="name"/>.</summary>
        public DeviceLockSet(string name, string member, LockSet locks, string lockedWord, string unlockedWord)
        {
            Name = name;
            Member = member;
            Locks = locks;
            LockedWord = lockedWord;
            UnlockedWord = unlockedWord;
        }

        /// <summary>Member <paramref name="i"/>'s end position in words ("locked", "unlocked", "between").</summary>
        public string State(int i)
        {
            return Locks.IsLocked(i) ? LockedWord : Locks.IsUnlocked(i) ? UnlockedWord : "between";
        }
    }
}
