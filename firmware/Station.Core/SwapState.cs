namespace Station.Core
{
    /// <summary>States of the swap sequencer. Numbers are stored in the journal: never renumber, only add.</summary>
    /// <remarks>Motion and Swapping are parent (composite) states; the station is never "in" them alone.
    /// See <see cref="SwapStates"/> for names and parents, and docs/swap-states.md for the diagram.</remarks>
    public enum SwapState
    {
        /// <summary>Before Start(): nothing read, nothing driven.</summary>
        Off = 0,
        /// <summary>A swap was interrupted by a power loss; waiting for an operator to confirm (no motion).</summary>
        Recovery = 1,
        /// <summary>Powered up or reset; the lift position is not known until it homes.</summary>
        NotHomed = 2,
        /// <summary>Lift seeking the home switch.</summary>
        Homing = 3,
        /// <summary>Homed and waiting for a vehicle and an authorisation.</summary>
        Idle = 4,
        /// <summary>MotionPermit requested; waiting for the safety relay to confirm.</summary>
        Arming = 5,
        /// <summary>Lift rising to the vehicle's pack; staging conveyor brings the charged pack in parallel.</summary>
        RaiseToPack = 6,
        /// <summary>All locks releasing the depleted pack.</summary>
        Unlock = 7,
        /// <summary>Lift lowering the depleted pack to transfer height (home).</summary>
        LowerDepleted = 8,
        /// <summary>Lift at transfer height, waiting for the charged pack to reach staging.</summary>
        WaitStaged = 9,
        /// <summary>Transfer conveyor: depleted pack off to the return point, charged pack onto the lift.</summary>
        Transfer = 10,
        /// <summary>Lift raising the charged pack into the vehicle.</summary>
        RaiseCharged = 11,
        /// <summary>All locks engaging the charged pack.</summary>
        Lock = 12,
        /// <summary>Empty lift returning home; the pack check starts in parallel.</summary>
        LowerEmpty = 13,
        /// <summary>Release gate: locks locked, lift home, bay clear, pack check passed.</summary>
        ReleaseGate = 14,
        /// <summary>Vehicle released; waiting for it to leave the bay.</summary>
        Released = 15,
        /// <summary>A fault is latched: all outputs off, vehicle held until reset.</summary>
        Faulted = 16,
        /// <summary>Parent of every state that drives an actuator.</summary>
        Motion = 17,
        /// <summary>Parent of the steps of a swap (child of Motion).</summary>
        Swapping = 18,
        // Truck bay steps (Swap/Truck): a side-swap robot (travel, height, fork) swaps each booked block in turn.
        /// <summary>Truck: robot travels to the block position and its fork height (for what the fork carries).</summary>
        RobotToBlock = 19,
        /// <summary>Truck: empty fork reaches under the depleted block in the chassis cradle.</summary>
        ForkUnderBlock = 20,
        /// <summary>Truck: the block's connector unmates and its latches release.</summary>
        UnlatchBlock = 21,
        /// <summary>Truck: the fork lifts the depleted block off the cradle.</summary>
        LiftBlock = 22,
        /// <summary>Truck: the fork retracts with the depleted block.</summary>
        ForkOutLoaded = 23,
        /// <summary>Truck: robot travels to the rack exchange point at exchange height.</summary>
        RobotToExchange = 24,
        /// <summary>Truck: the fork reaches into the cradle with the charged block.</summary>
        ForkInLoaded = 25,
        /// <summary>Truck: the fork sets the charged block down on the cradle.</summary>
        SetDownBlock = 26,
        /// <summary>Truck: the block's latches engage and its connector mates.</summary>
        LatchBlock = 27,
        /// <summary>Truck: the empty fork retracts.</summary>
        ForkOutEmpty = 28,
        /// <summary>Truck: robot returns to its park position (exchange point, home height).</summary>
        ParkRobot = 29,
    }
}
