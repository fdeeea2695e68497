using System;
using System.Linq;
using Station.Core.Config;
using Station.Core.Swap;
using Station.Core.Swap.Car;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The bay profile: chosen by bay.profile, refused when unknown or when the board does not wire its port
    /// groups, and the car profile's steps keep the journal's numbers.</summary>
    public class BayProfileTests
    {
        [Fact]
        public void The_default_profile_is_the_car_bay_and_its_steps_are_the_journals_numbers_5_to_14()
        {
            var s = TestStation.WithRack();
            Assert.Equal("car", s.C.Sequencer.Profile.Name);
            var numbers = s.C.Sequencer.Profile.Steps.Select(st => (int)st.Number).ToArray();
            Assert.Equal(Enumerable.Range(5, 10).ToArray(), numbers);
            for (int i = 0; i < SwapStates.Count; i++)
            {
                var st = s.C.Sequencer.Profile.StepAt((SwapState)i);
                Assert.Equal(i >= 5 && i <= 14, st != null);
                if (st != null) Assert.Equal((SwapState)i, st.Number);
            }
        }

        [Fact]
        public void The_car_profile_table_is_the_sequencers_table_row_for_row()
        {
            var table = new CarBayProfile().Table;
            Assert.Equal(SwapSequencer.Table.Length, table.Length);
            for (int i = 0; i < table.Length; i++)
            {
                Assert.Equal(SwapSequencer.Table[i].From, table[i].From);
                Assert.Equal(SwapSequencer.Table[i].Signal, table[i].Signal);
                Assert.Equal(SwapSequencer.Table[i].Guard, table[i].Guard);
                Assert.Equal(SwapSequencer.Table[i].To, table[i].To);
            }
        }

        [Theory]
        [InlineData("lorry")]
        [InlineData("")]
        [InlineData(null)]
        [InlineData("Car")]
        public void An_unknown_profile_name_is_refused_with_the_known_names(string name)
        {
            var c = new StationConfig { BayProfile = name };
            string error = c.Validate();
            Assert.NotNull(error);
            Assert.Contains("bay.profile", error);
            Assert.Contains("known: car, truck", error);
            var bay = new TestBay();
            bay.Config.BayProfile = name;
            var ex = Assert.Throws<ArgumentException>(() => new StationController(bay.Io, bay.Config));
            Assert.Contains("not a known bay profile", ex.Message);
        }

        [Fact]
        public void The_configuration_key_accepts_car_and_truck_and_refuses_any_other_name()
        {
            int row = ConfigTable.BayProfile;
            Assert.Equal("bay.profile", ConfigTable.Keys[row].Name);
            var values = new ConfigValues();
            Assert.Equal("car", values.Text(row));
            Assert.NotNull(values.TrySetStored(row, "lorry"));
            Assert.Equal("car", values.Text(row));
            Assert.Null(values.TrySetStored(row, "truck"));
            Assert.Equal("truck", ConfigMapping.ToStationConfig(values, new StationConfig()).BayProfile);
            Assert.Null(values.TrySetStored(row, "car"));
            Assert.Equal("car", ConfigMapping.ToStationConfig(values, new StationConfig()).BayProfile);
        }

        [Fact]
        public void A_car_board_cannot_run_the_truck_profile()
        {
            Station.Core.Swap.Truck.TruckBayProfile.Register();
            var bay = new TestBay();
            bay.Config.BayProfile = "truck";
            var ex = Assert.Throws<ArgumentException>(() => new StationController(bay.Io, bay.Config));
            Assert.Contains("bay profile 'truck' needs the robot travel and fork axes ports", ex.Message);
        }

        [Theory]
        [InlineData("staging conveyor")]
        [InlineData("transfer conveyor")]
        [InlineData("lock set")]
        [InlineData("linear axis")]
        [InlineData("safety chain")]
        public void A_board_that_does_not_wire_a_group_the_profile_needs_is_refused_at_boot(string group)
        {
            var bay = new TestBay();
            switch (group)
            {
                case "staging conveyor": bay.Io.Sensors.PackAtStaging = null; break;
                case "transfer conveyor": bay.Io.TransferConveyor.Run = null; break;
                case "lock set": bay.Io.Locks.UnlockedSensor[1] = null; break;
                case "linear axis": bay.Io.Lift.Encoder = null; break;
                case "safety chain": bay.Io.Safety.RelayFeedback = null; break;
            }
            Assert.False(BoardPorts.Has(bay.Io, group));
            var ex = Assert.Throws<ArgumentException>(() => new StationController(bay.Io, bay.Config));
            Assert.Contains("needs the " + group + " ports", ex.Message);
            Assert.False(bay.AnyOutputOn());
        }

        [Fact]
        public void A_fully_wired_board_has_every_group_of_the_car_profile_and_no_unknown_group()
        {
            var bay = new TestBay();
            Assert.Null(BoardPorts.Missing(new CarBayProfile(), bay.Io));
            Assert.False(BoardPorts.Has(bay.Io, "side-swap robot"));
        }
    }
}
