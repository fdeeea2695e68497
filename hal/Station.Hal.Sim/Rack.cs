using System;
using System.Collections.Generic;

namespace Station.Hal.Sim
{
    /// <summary>The rack of packs and its handler (stacker crane). The handler is not one of the core's actuators: it
    /// feeds the pack it is asked for to the staging conveyor's feed point, and takes every pack that arrives at the
    /// return point back to a free slot. One handler, one job at a time; returns go before fetches.</summary>
    public sealed class Rack
    {
        private readonly SimBay _bay;
        private readonly PlantParameters _p;
        private readonly Queue<SimPack> _fetchQueue = new Queue<SimPack>();
        private SimPack _job;
        private bool _jobIsFetch;
        private int _jobRemainingMs;

        internal Rack(SimBay bay, PlantParameters p)
        {
            _bay = bay;
            _p = p;
            Slots = new SimPack[p.RackSlots];
        }

        /// <summary>The slots; null = empty.</summary>
        public SimPack[] Slots { get; }

        /// <summary>True while the handler carries a pack.</summary>
        public bool HandlerBusy => _job != null;

        /// <summary>The pack the handler carries now, or null.</summary>
        public SimPack InHandler => _job;

        /// <summary>Slot the next returned pack goes to when it is free (the controller's choice), or -1 for the first free slot.</summary>
        public int ReturnSlot { get; set; } = -1;

        /// <summary>Number of packs stored back into slots so far.</summary>
        public int Stored { get; private set; }

        /// <summary>Handler fault: the next fetch takes another pack from the rack than the one asked for (a wrong slot
        /// address, a mis-sorted rack). The station only learns the serial from the pack's BMS at the vehicle.</summary>
        public bool FetchWrongPackNext { get; set; }

        /// <summary>Handler fault: the next pack fetched falls off the handler in the rack aisle and never reaches the
        /// feed point (not a station hazard: the handler is not the station's actuator; the station sees a staging timeout).</summary>
        public bool DropNextFetch { get; set; }

        /// <summary>Packs the handler dropped.</summary>
        public int Dropped { get; private set; }

        /// <summary>Puts a pack into a slot (set-up only).</summary>
        public void Place(int slot, SimPack pack)
        {
            if (slot < 0 || slot >= Slots.Length) throw new ArgumentOutOfRangeException(nameof(slot));
            if (Slots[slot] != null) throw new InvalidOperationException($"slot {slot} is taken");
            Slots[slot] = pack;
            pack.Place = SimPackPlace.Rack;
            pack.Slot = slot;
            _bay.Register(pack);
        }

        /// <summary>The slot holding <paramref name="serial"/>, or -1.</summary>
        public int SlotOf(string serial)
        {
            for (int i = 0; i < Slots.Length; i++) if (Slots[i] != null && Slots[i].Serial == serial) return i;
            return -1;
        }

        /// <summary>The pack in the rack with the highest state of charge, or null when the rack is empty.</summary>
        public SimPack BestCharged()
        {
            SimPack best = null;
            foreach (var s in Slots) if (s != null && (best == null || s.SocPct > best.SocPct)) best = s;
            return best;
        }

        /// <summary>Asks the handler to bring the pack <paramref name="serial"/> to the feed point. False when it is not in the rack.</summary>
        public bool Fetch(string serial)
        {
            int slot = SlotOf(serial);
            if (slot < 0) return false;
            foreach (var q in _fetchQueue) if (q.Serial == serial) return true;
            _fetchQueue.Enqueue(Slots[slot]);
            return true;
        }

        internal void Step(int ms)
        {
            double charge = _p.ChargePctPerMin * ms / 60000.0;
            foreach (var s in Slots) if (s != null) s.SocPct = Math.Min(100.0, s.SocPct + charge);

            if (_job != null)
            {
                _jobRemainingMs -= ms;
                if (_jobRemainingMs > 0) return;
                if (_jobIsFetch && DropNextFetch)
                {
                    DropNextFetch = false;
                    Dropped++;
                    _job.Place = SimPackPlace.Dropped;
                    _bay.Log.Write(Station.Hal.LogLevel.Warning, $"plant: the rack handler dropped pack {_job.Serial} in the aisle");
                }
                else if (_jobIsFetch)
                {
                    if (!_bay.Line.TryPlaceAtFeedPoint(_job)) return; // feed point occupied: wait with the pack
                }
                else
                {
                    int free = ReturnSlot >= 0 && ReturnSlot < Slots.Length && Slots[ReturnSlot] == null ? ReturnSlot : Array.IndexOf(Slots, null);
                    if (free < 0) return; // rack full: keep holding it (the station will see the return point clear)
                    Slots[free] = _job;
                    _job.Place = SimPackPlace.Rack;
                    _job.Slot = free;
                    Stored++;
                }
                _job = null;
            }

            SimPack returned = _bay.Line.TakeSettledReturnPack();
            if (returned != null)
            {
                Start(returned, false, _p.HandlerStoreMs);
                return;
            }
            while (_fetchQueue.Count > 0)
            {
                SimPack next = _fetchQueue.Dequeue();
                if (next.Place != SimPackPlace.Rack) continue;
                if (FetchWrongPackNext)
                {
                    FetchWrongPackNext = false;
                    foreach (var other in Slots)
                        if (other != null && other != next) { _bay.Log.Write(Station.Hal.LogLevel.Warning, $"plant: the rack handler fetches {other.Serial} instead of {next.Serial}"); next = other; break; }
                }
                Slots[next.Slot] = null;
                next.Slot = -1;
                Start(next, true, _p.HandlerFetchMs);
                return;
            }
        }

        private void Start(SimPack pack, bool fetch, int ms)
        {
            _job = pack;
            _jobIsFetch = fetch;
            _jobRemainingMs = ms;
            pack.Place = SimPackPlace.Handler;
        }
    }
}
