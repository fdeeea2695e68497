namespace Station.Core.Swap.Truck
{
    /// <summary>After a confirmed recovery in a truck bay: a move that was in flight is marked finished only where the
    /// sensors leave no doubt which block is where; anything else stays in transit for the technician.</summary>
    public static class TruckRecovery
    {
        /// <summary>Settles what the fork, cradle, staging and return sensors make certain.</summary>
        public static void Reconcile(SwapSequencer s, TruckRobot robot)
        {
            PackInventory inv = s.Inventory;
            bool staging = s.PackAtStagingSensed, fork = s.PackOnLiftSensed, ret = s.PackAtReturnSensed;
            PackRecord r = inv.At(PackPlace.ReturnPoint);
            if (!r.IsEmpty && r.InTransit)
            {
                // Exchange in flight: both moves finished only if the run visibly completed (the car's rule).
                if (BayProfile.TransferSettled(s))
                {
                    inv.Arrived(PackPlace.ReturnPoint);
                    inv.Arrived(PackPlace.Lift);
                }
            }
            else
            {
                for (int p = 1; p <= TruckPorts.Positions; p++) SettleBlock(inv, robot, p, fork);
            }
            if (!inv.At(PackPlace.Staging).IsEmpty && inv.At(PackPlace.Staging).InTransit && staging) inv.Arrived(PackPlace.Staging);
        }

        // A block between the fork and its cradle: on the fork only when the fork senses it, the cradle is empty and its
        // latches are open; in the cradle only when the cradle senses it latched and mated with an empty fork.
        private static void SettleBlock(PackInventory inv, TruckRobot robot, int p, bool fork)
        {
            PackPlace place = TruckBayProfile.PlaceOf(p);
            int i = p - 1;
            PackRecord onFork = inv.At(PackPlace.Lift);
            PackRecord inCradle = inv.At(place);
            bool present = robot.BlockPresent(p);
            if (!onFork.IsEmpty && onFork.InTransit && fork && !present && robot.Latches[i].AllUnlocked()) inv.Arrived(PackPlace.Lift);
            if (!inCradle.IsEmpty && inCradle.InTransit && present && !fork && robot.BlockSecured(p)) inv.Arrived(place);
        }
    }
}
