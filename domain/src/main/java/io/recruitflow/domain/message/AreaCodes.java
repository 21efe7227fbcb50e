package io.recruitflow.domain.message;

import static io.recruitflow.domain.shared.UsState.AK;
import static io.recruitflow.domain.shared.UsState.AL;
import static io.recruitflow.domain.shared.UsState.AR;
import static io.recruitflow.domain.shared.UsState.AS;
import static io.recruitflow.domain.shared.UsState.AZ;
import static io.recruitflow.domain.shared.UsState.CA;
import static io.recruitflow.domain.shared.UsState.CO;
import static io.recruitflow.domain.shared.UsState.CT;
import static io.recruitflow.domain.shared.UsState.DC;
import static io.recruitflow.domain.shared.UsState.DE;
import static io.recruitflow.domain.shared.UsState.FL;
import static io.recruitflow.domain.shared.UsState.GA;
import static io.recruitflow.domain.shared.UsState.GU;
import static io.recruitflow.domain.shared.UsState.HI;
import static io.recruitflow.domain.shared.UsState.IA;
import static io.recruitflow.domain.shared.UsState.ID;
import static io.recruitflow.domain.shared.UsState.IL;
import static io.recruitflow.domain.shared.UsState.IN;
import static io.recruitflow.domain.shared.UsState.KS;
import static io.recruitflow.domain.shared.UsState.KY;
import static io.recruitflow.domain.shared.UsState.LA;
import static io.recruitflow.domain.shared.UsState.MA;
import static io.recruitflow.domain.shared.UsState.MD;
import static io.recruitflow.domain.shared.UsState.ME;
import static io.recruitflow.domain.shared.UsState.MI;
import static io.recruitflow.domain.shared.UsState.MN;
import static io.recruitflow.domain.shared.UsState.MO;
import static io.recruitflow.domain.shared.UsState.MP;
import static io.recruitflow.domain.shared.UsState.MS;
import static io.recruitflow.domain.shared.UsState.MT;
import static io.recruitflow.domain.shared.UsState.NC;
import static io.recruitflow.domain.shared.UsState.ND;
import static io.recruitflow.domain.shared.UsState.NE;
import static io.recruitflow.domain.shared.UsState.NH;
import static io.recruitflow.domain.shared.UsState.NJ;
import static io.recruitflow.domain.shared.UsState.NM;
import static io.recruitflow.domain.shared.UsState.NV;
import static io.recruitflow.domain.shared.UsState.NY;
import static io.recruitflow.domain.shared.UsState.OH;
import static io.recruitflow.domain.shared.UsState.OK;
import static io.recruitflow.domain.shared.UsState.OR;
import static io.recruitflow.domain.shared.UsState.PA;
import static io.recruitflow.domain.shared.UsState.PR;
import static io.recruitflow.domain.shared.UsState.RI;
import static io.recruitflow.domain.shared.UsState.SC;
import static io.recruitflow.domain.shared.UsState.SD;
import static io.recruitflow.domain.shared.UsState.TN;
import static io.recruitflow.domain.shared.UsState.TX;
import static io.recruitflow.domain.shared.UsState.UT;
import static io.recruitflow.domain.shared.UsState.VA;
import static io.recruitflow.domain.shared.UsState.VI;
import static io.recruitflow.domain.shared.UsState.VT;
import static io.recruitflow.domain.shared.UsState.WA;
import static io.recruitflow.domain.shared.UsState.WI;
import static io.recruitflow.domain.shared.UsState.WV;
import static io.recruitflow.domain.shared.UsState.WY;

import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * THE AREA-CODE TABLE: every geographic area code of the United States and its territories, with the
 * state it serves and every time zone its counties are in. Reviewed like code.
 *
 * <p>Source: NANPA's area code maps and NPA database (https://nationalnanpa.com/area_codes/index.html,
 * which area codes exist and which counties each covers) and the official time-zone boundaries by county
 * (49 CFR Part 71, https://www.ecfr.gov/current/title-49/subtitle-A/part-71). The first version was
 * generated from libphonenumber 8.13.52 with its geocoder 2.246 (state of every valid exchange, zones
 * of every prefix) and then corrected by hand where that data is coarse or wrong: each corrected row says
 * why. A zone is added wherever any part of the area code keeps another clock, even unofficially
 * (Phenix City, West Wendover, Kenton): the window must hold in every zone. The test
 * {@code AreaCodesAgainstLibphonenumberTest} (adapter-leadfile) keeps the table and libphonenumber in
 * step: same state, and every zone libphonenumber knows is in the table.
 *
 * <p>Not here: non-geographic codes (toll-free 8XX, 5XX, 900), Canada and the other NANP countries. Their
 * numbers have no area-code state and no area-code zone.
 */
public final class AreaCodes {
    private static final ZoneId E = ZoneId.of("America/New_York");
    private static final ZoneId C = ZoneId.of("America/Chicago");
    private static final ZoneId M = ZoneId.of("America/Denver");
    /** Mountain Standard Time all year: Arizona outside the Navajo Nation. */
    private static final ZoneId AZ_ = ZoneId.of("America/Phoenix");

    private static final ZoneId P = ZoneId.of("America/Los_Angeles");
    private static final ZoneId AK_ = ZoneId.of("America/Anchorage");
    private static final ZoneId ALEUTIAN = ZoneId.of("America/Adak");
    private static final ZoneId HI_ = ZoneId.of("Pacific/Honolulu");
    private static final ZoneId PR_ = ZoneId.of("America/Puerto_Rico");
    private static final ZoneId VI_ = ZoneId.of("America/St_Thomas");
    private static final ZoneId GU_ = ZoneId.of("Pacific/Guam");
    private static final ZoneId MP_ = ZoneId.of("Pacific/Saipan");
    private static final ZoneId AS_ = ZoneId.of("Pacific/Pago_Pago");

    /** One area code: the state it serves, its zones, and why the zones are what they are when not obvious. */
    public record AreaCode(int code, UsState state, List<ZoneId> zones, String note) {
        public AreaCode {
            if (code < 200 || code > 999) {
                throw new IllegalArgumentException("not a NANP area code: " + code);
            }
            Objects.requireNonNull(state, "state");
            zones = List.copyOf(zones);
            if (zones.isEmpty()) {
                throw new IllegalArgumentException(code + " has no zone");
            }
            Objects.requireNonNull(note, "note");
        }
    }

    /** Every row, by area code. */
    public static final List<AreaCode> ALL = List.of(
            a(201, NJ, E),
            a(202, DC, E),
            a(203, CT, E),
            a(205, AL, C),
            a(206, WA, P),
            a(207, ME, E),
            a(208, ID, "northern Idaho (Panhandle) is Pacific", M, P),
            a(209, CA, P),
            a(210, TX, C),
            a(212, NY, E),
            a(213, CA, P),
            a(214, TX, C),
            a(215, PA, E),
            a(216, OH, E),
            a(217, IL, C),
            a(218, MN, C),
            a(219, IN, "northwest Indiana is Central; some rate centers are Eastern", C, E),
            a(220, OH, E),
            a(223, PA, E),
            a(224, IL, C),
            a(225, LA, C),
            a(227, MD, E),
            a(228, MS, C),
            a(229, GA, E),
            a(231, MI, E),
            a(234, OH, E),
            a(235, MO, C),
            a(239, FL, E),
            a(240, MD, E),
            a(248, MI, E),
            a(251, AL, C),
            a(252, NC, E),
            a(253, WA, P),
            a(254, TX, C),
            a(256, AL, C),
            a(260, IN, E),
            a(262, WI, C),
            a(267, PA, E),
            a(269, MI, E),
            a(270, KY, "western Kentucky is Central, some counties (Hardin, Meade...) Eastern", C, E),
            a(272, PA, E),
            a(276, VA, E),
            a(279, CA, P),
            a(281, TX, C),
            a(283, OH, E),
            a(301, MD, E),
            a(302, DE, E),
            a(303, CO, M),
            a(304, WV, E),
            a(305, FL, E),
            a(307, WY, M),
            a(308, NE, "western Nebraska (Panhandle) is Mountain", C, M),
            a(309, IL, C),
            a(310, CA, P),
            a(312, IL, C),
            a(313, MI, E),
            a(314, MO, C),
            a(315, NY, E),
            a(316, KS, C),
            a(317, IN, E),
            a(318, LA, C),
            a(319, IA, C),
            a(320, MN, C),
            a(321, FL, E),
            a(323, CA, P),
            a(325, TX, C),
            a(326, OH, E),
            a(327, AR, C),
            a(329, NY, E),
            a(330, OH, E),
            a(331, IL, C),
            a(332, NY, E),
            a(334, AL, "Phenix City and Lanett observe Eastern time unofficially", C, E),
            a(336, NC, E),
            a(337, LA, C),
            a(339, MA, E),
            a(340, VI, VI_),
            a(341, CA, P),
            a(346, TX, C),
            a(347, NY, E),
            a(350, CA, P),
            a(351, MA, E),
            a(352, FL, E),
            a(360, WA, P),
            a(361, TX, C),
            a(363, NY, E),
            a(364, KY, "overlay of 270; libphonenumber has Eastern only", C, E),
            a(369, CA, P),
            a(380, OH, E),
            a(385, UT, M),
            a(386, FL, E),
            a(401, RI, E),
            a(402, NE, C),
            a(404, GA, E),
            a(405, OK, C),
            a(406, MT, M),
            a(407, FL, E),
            a(408, CA, P),
            a(409, TX, C),
            a(410, MD, E),
            a(412, PA, E),
            a(413, MA, E),
            a(414, WI, C),
            a(415, CA, P),
            a(417, MO, C),
            a(419, OH, E),
            a(
                    423,
                    TN,
                    "Chattanooga and the Tri-Cities are Eastern; Marion, Sequatchie and Bledsoe counties Central",
                    C,
                    E),
            a(424, CA, P),
            a(425, WA, P),
            a(430, TX, C),
            a(432, TX, "Culberson County (Van Horn) is Mountain; libphonenumber has Central only", C, M),
            a(434, VA, E),
            a(435, UT, M),
            a(440, OH, E),
            a(442, CA, P),
            a(443, MD, E),
            a(445, PA, E),
            a(447, IL, C),
            a(448, FL, "overlay of 850; libphonenumber has Eastern only", C, E),
            a(458, OR, "overlay of 541; libphonenumber has Pacific only", M, P),
            a(463, IN, E),
            a(464, IL, C),
            a(469, TX, C),
            a(470, GA, E),
            a(472, NC, E),
            a(475, CT, E),
            a(478, GA, E),
            a(479, AR, C),
            a(480, AZ, AZ_),
            a(484, PA, E),
            a(501, AR, C),
            a(502, KY, E),
            a(503, OR, P),
            a(504, LA, C),
            a(505, NM, M),
            a(507, MN, C),
            a(508, MA, E),
            a(509, WA, P),
            a(510, CA, P),
            a(512, TX, C),
            a(513, OH, E),
            a(515, IA, C),
            a(516, NY, E),
            a(517, MI, E),
            a(518, NY, E),
            a(520, AZ, AZ_),
            a(530, CA, P),
            a(531, NE, C),
            a(534, WI, C),
            a(539, OK, C),
            a(540, VA, E),
            a(541, OR, "Malheur County is Mountain", M, P),
            a(551, NJ, E),
            a(557, MO, C),
            a(559, CA, P),
            a(561, FL, E),
            a(562, CA, P),
            a(563, IA, C),
            a(564, WA, P),
            a(567, OH, E),
            a(570, PA, E),
            a(571, VA, E),
            a(572, OK, C),
            a(573, MO, C),
            a(574, IN, "Starke County is Central", C, E),
            a(575, NM, M),
            a(580, OK, "Kenton (Cimarron County) observes Mountain time unofficially", C, M),
            a(582, PA, E),
            a(585, NY, E),
            a(586, MI, E),
            a(601, MS, C),
            a(602, AZ, AZ_),
            a(603, NH, E),
            a(605, SD, "western South Dakota is Mountain", C, M),
            a(606, KY, "Clinton, Cumberland, Russell and neighbouring counties are Central", C, E),
            a(607, NY, E),
            a(608, WI, C),
            a(609, NJ, E),
            a(610, PA, E),
            a(612, MN, C),
            a(614, OH, E),
            a(615, TN, C),
            a(616, MI, E),
            a(617, MA, E),
            a(618, IL, C),
            a(619, CA, P),
            a(620, KS, "Greeley and Hamilton counties are Mountain", C, M),
            a(623, AZ, AZ_),
            a(626, CA, P),
            a(628, CA, P),
            a(629, TN, C),
            a(630, IL, C),
            a(631, NY, E),
            a(636, MO, C),
            a(640, NJ, E),
            a(641, IA, C),
            a(645, FL, E),
            a(646, NY, E),
            a(650, CA, P),
            a(651, MN, C),
            a(656, FL, E),
            a(657, CA, P),
            a(659, AL, C),
            a(660, MO, C),
            a(661, CA, P),
            a(662, MS, C),
            a(667, MD, E),
            a(669, CA, P),
            a(670, MP, MP_),
            a(671, GU, GU_),
            a(678, GA, E),
            a(680, NY, E),
            a(681, WV, E),
            a(682, TX, C),
            a(684, AS, AS_),
            a(689, FL, "overlay of 407 (Orlando); libphonenumber has Central", E),
            a(701, ND, "southwestern North Dakota is Mountain", C, M),
            a(702, NV, P),
            a(703, VA, E),
            a(704, NC, E),
            a(706, GA, E),
            a(707, CA, P),
            a(708, IL, C),
            a(712, IA, C),
            a(713, TX, C),
            a(714, CA, P),
            a(715, WI, C),
            a(716, NY, E),
            a(717, PA, E),
            a(718, NY, E),
            a(719, CO, M),
            a(720, CO, M),
            a(724, PA, E),
            a(725, NV, P),
            a(726, TX, C),
            a(727, FL, E),
            a(728, FL, "overlay of 561 (Palm Beach); libphonenumber names no state", E),
            a(730, IL, C),
            a(731, TN, C),
            a(732, NJ, E),
            a(734, MI, E),
            a(737, TX, C),
            a(740, OH, E),
            a(743, NC, E),
            a(747, CA, P),
            a(754, FL, E),
            a(757, VA, E),
            a(760, CA, P),
            a(762, GA, E),
            a(763, MN, C),
            a(765, IN, E),
            a(769, MS, C),
            a(770, GA, E),
            a(771, DC, E),
            a(772, FL, E),
            a(773, IL, C),
            a(774, MA, E),
            a(775, NV, "West Wendover and Jackpot observe Mountain time", M, P),
            a(779, IL, C),
            a(781, MA, E),
            a(785, KS, "Sherman and Wallace counties are Mountain", C, M),
            a(786, FL, E),
            a(787, PR, PR_),
            a(801, UT, M),
            a(802, VT, E),
            a(803, SC, E),
            a(804, VA, E),
            a(805, CA, P),
            a(806, TX, C),
            a(808, HI, HI_),
            a(810, MI, E),
            a(812, IN, "southwestern Indiana (Evansville) is Central", C, E),
            a(813, FL, E),
            a(814, PA, E),
            a(815, IL, C),
            a(816, MO, C),
            a(817, TX, C),
            a(818, CA, P),
            a(820, CA, P),
            a(826, VA, E),
            a(828, NC, E),
            a(830, TX, C),
            a(831, CA, P),
            a(832, TX, C),
            a(835, PA, E),
            a(838, NY, E),
            a(839, SC, E),
            a(840, CA, P),
            a(843, SC, E),
            a(845, NY, E),
            a(847, IL, C),
            a(848, NJ, E),
            a(850, FL, "Tallahassee is Eastern, Pensacola and Panama City Central", C, E),
            a(854, SC, E),
            a(856, NJ, E),
            a(857, MA, E),
            a(858, CA, P),
            a(859, KY, E),
            a(860, CT, E),
            a(862, NJ, E),
            a(863, FL, E),
            a(864, SC, E),
            a(865, TN, E),
            a(870, AR, C),
            a(872, IL, C),
            a(878, PA, E),
            a(901, TN, C),
            a(903, TX, C),
            a(904, FL, E),
            a(906, MI, "Gogebic, Iron, Dickinson and Menominee counties are Central", C, E),
            a(907, AK, "the Aleutians west of 169°30′ W are Hawaii-Aleutian time", AK_, ALEUTIAN),
            a(908, NJ, E),
            a(909, CA, P),
            a(910, NC, E),
            a(912, GA, E),
            a(913, KS, C),
            a(914, NY, E),
            a(915, TX, M),
            a(916, CA, P),
            a(917, NY, E),
            a(918, OK, C),
            a(919, NC, E),
            a(920, WI, C),
            a(925, CA, P),
            a(928, AZ, "the Navajo Nation observes daylight saving time", AZ_, M),
            a(929, NY, E),
            a(930, IN, "overlay of 812; libphonenumber has Eastern only", C, E),
            a(931, TN, C),
            a(934, NY, E),
            a(936, TX, C),
            a(937, OH, E),
            a(938, AL, C),
            a(939, PR, PR_),
            a(940, TX, C),
            a(941, FL, E),
            a(943, GA, E),
            a(945, TX, C),
            a(947, MI, E),
            a(948, VA, E),
            a(949, CA, P),
            a(951, CA, P),
            a(952, MN, C),
            a(954, FL, E),
            a(956, TX, C),
            a(959, CT, E),
            a(970, CO, M),
            a(971, OR, P),
            a(972, TX, C),
            a(973, NJ, E),
            a(978, MA, E),
            a(979, TX, C),
            a(980, NC, E),
            a(983, CO, M),
            a(984, NC, E),
            a(985, LA, C),
            a(986, ID, "overlay of 208", M, P),
            a(989, MI, E));

    private static final Map<Integer, AreaCode> BY_CODE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(AreaCode::code, Function.identity()));

    private AreaCodes() {}

    /** The row of a NANP number ({@code +1} and ten digits), if its area code is a US one. */
    public static Optional<AreaCode> of(PhoneNumber number) {
        String e164 = number.e164();
        if (!e164.startsWith("+1") || e164.length() != 12) {
            return Optional.empty();
        }
        return of(Integer.parseInt(e164.substring(2, 5)));
    }

    public static Optional<AreaCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    private static AreaCode a(int code, UsState state, ZoneId... zones) {
        return new AreaCode(code, state, Arrays.asList(zones), "");
    }

    private static AreaCode a(int code, UsState state, String note, ZoneId... zones) {
        return new AreaCode(code, state, Arrays.asList(zones), note);
    }
}
