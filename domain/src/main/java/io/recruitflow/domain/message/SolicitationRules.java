package io.recruitflow.domain.message;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static java.time.Month.APRIL;
import static java.time.Month.AUGUST;
import static java.time.Month.DECEMBER;
import static java.time.Month.FEBRUARY;
import static java.time.Month.JANUARY;
import static java.time.Month.JULY;
import static java.time.Month.JUNE;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static java.time.Month.OCTOBER;
import static java.time.Month.SEPTEMBER;

import io.recruitflow.domain.message.SolicitationRule.CallingHours;
import io.recruitflow.domain.message.SolicitationRule.DayBan;
import io.recruitflow.domain.message.SolicitationRule.FrequencyCap;
import io.recruitflow.domain.message.SolicitationRule.HolidayBan;
import io.recruitflow.domain.message.SolicitationRule.Window;
import io.recruitflow.domain.shared.UsState;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * THE TABLE: the federal rule and every state rule that restricts the time of day, the day of the week, the
 * holidays or the frequency of telephone solicitations, texts included. One row per restriction, each with
 * its source and, where sources disagree, a note saying which reading the row takes: always the stricter.
 * Recruiting texts are treated as solicitations everywhere (the conservative reading); exemptions for prior
 * consent or an established business relationship are deliberately not applied. Reviewed like code: a
 * change of law is a change of this file, with its source. docs/compliance.md explains how rows combine.
 *
 * <p>Industry tables consulted for every row: Drop Cowboy, "State Calling Restrictions Guide" (updated
 * 2025-11-01, https://www.dropcowboy.com/state-compliance) and ClickPoint, "Telemarketing Calling
 * Restrictions &amp; Hours by State" (reviewed 2025-07, https://blog.clickpointsoftware.com/telemarketing-calling-hours-by-state),
 * and dnc.com's restricted-call-dates notes. States not listed here add nothing to the federal rule.
 */
public final class SolicitationRules {
    private SolicitationRules() {}

    private static final DayOfWeek[] MON_SAT = {MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY};
    private static final DayOfWeek[] MON_FRI = {MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY};
    /** "Central Standard Time" as Mississippi's statute writes it: UTC-6 all year, no daylight saving. */
    static final ZoneId CENTRAL_STANDARD_TIME = ZoneOffset.ofHours(-6);

    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    // Holidays that several states share.
    private static final Holiday NEW_YEAR = new Holiday.Fixed("New Year's Day", JANUARY, 1, true);
    private static final Holiday MLK = weekday("Martin Luther King Jr. Day", JANUARY, MONDAY, 3);
    private static final Holiday WASHINGTON = weekday("Washington's Birthday", FEBRUARY, MONDAY, 3);
    private static final Holiday MEMORIAL = weekday("Memorial Day", MAY, MONDAY, -1);
    private static final Holiday JUNETEENTH = new Holiday.Fixed("Juneteenth", JUNE, 19, true);
    private static final Holiday INDEPENDENCE = new Holiday.Fixed("Independence Day", JULY, 4, true);
    private static final Holiday LABOR = weekday("Labor Day", SEPTEMBER, MONDAY, 1);
    private static final Holiday COLUMBUS = weekday("Columbus Day", OCTOBER, MONDAY, 2);
    private static final Holiday VETERANS = new Holiday.Fixed("Veterans Day", NOVEMBER, 11, true);
    private static final Holiday THANKSGIVING = weekday("Thanksgiving Day", NOVEMBER, THURSDAY, 4);
    private static final Holiday CHRISTMAS = new Holiday.Fixed("Christmas Day", DECEMBER, 25, true);
    private static final Holiday GOOD_FRIDAY = new Holiday.FromEaster("Good Friday", -2);
    private static final Holiday MARDI_GRAS = new Holiday.FromEaster("Mardi Gras", -47);

    /** The federal rule: everywhere, for every recipient. */
    public static final CallingHours FEDERAL = new CallingHours(
            "US.hours",
            Optional.empty(),
            SolicitationRule.everyDay(at(8), at(21)),
            Set.of(),
            "47 CFR 64.1200(c)(1) (FCC, TCPA): no telephone solicitation before 8 a.m. or after 9 p.m. local time "
                    + "at the called party's location; texts are calls (FCC 03-153, FCC 24-24). "
                    + "https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-L/section-64.1200; "
                    + "same hours in the FTC Telemarketing Sales Rule, 16 CFR 310.4(c)",
            "");

    /** Every row, federal first, then by state. */
    public static final List<SolicitationRule> ALL = List.of(
            FEDERAL,

            // ---- Alabama
            hours(
                    UsState.AL,
                    monSat(8, 20),
                    "Ala. Admin. Code r. 770-X-5-.17(1)(b) (Alabama PSC): no solicitation calls on Sundays or "
                            + "holidays; otherwise none before 8 a.m. or after 8 p.m. "
                            + "(ClickPoint and Drop Cowboy tables)",
                    "The rule sits in the PSC's telephone-utility rules (dnc.com reads it as binding carriers); "
                            + "applied to every sender, the stricter reading."),
            sunday(UsState.AL, "Ala. Admin. Code r. 770-X-5-.17(1)(b)", ""),
            new HolidayBan(
                    "AL.holidays",
                    UsState.AL,
                    List.of(
                            NEW_YEAR,
                            weekday("Robert E. Lee / Martin Luther King Jr. Birthday", JANUARY, MONDAY, 3),
                            weekday("George Washington / Thomas Jefferson Birthday", FEBRUARY, MONDAY, 3),
                            MARDI_GRAS,
                            weekday("Confederate Memorial Day", APRIL, MONDAY, 4),
                            MEMORIAL,
                            weekday("Jefferson Davis' Birthday", JUNE, MONDAY, 1),
                            INDEPENDENCE,
                            LABOR,
                            weekday("Columbus Day / American Indian Heritage Day / Fraternal Day", OCTOBER, MONDAY, 2),
                            VETERANS,
                            THANKSGIVING,
                            CHRISTMAS),
                    true,
                    true,
                    "Ala. Admin. Code r. 770-X-5-.17(1)(b) (no calls on holidays); the holidays and their observance "
                            + "(a Sunday holiday on the Monday after, a Saturday one on the Friday before) from "
                            + "Ala. Code § 1-3-8 (cited by https://leadmanagerhelp.clickpointsoftware.com/en/articles/5753977-state-calling-hours)",
                    "Mardi Gras is a legal holiday only in Baldwin and Mobile counties; banned statewide (stricter). "
                            + "Holidays the governor proclaims in a given year are declared at run time."),

            // ---- Connecticut
            hours(
                    UsState.CT,
                    SolicitationRule.everyDay(at(9), at(20)),
                    "Conn. Gen. Stat. § 42-288a as amended by P.A. 23-98 (eff. 2023-10-01): no telephonic sales "
                            + "calls, texts included, before 9 a.m. or after 8 p.m. "
                            + "https://www.cga.ct.gov/current/pub/chap_743m.htm#sec_42-288a",
                    "ClickPoint's table still shows 9 a.m.–9 p.m. (the law before 2023); Drop Cowboy and the "
                            + "statute say 8 p.m.: the stricter 8 p.m. is taken."),

            // ---- Florida
            hours(
                    UsState.FL,
                    SolicitationRule.everyDay(at(8), at(20)),
                    "Fla. Stat. § 501.616(6)(a) (SB 1120, 2021): no commercial telephone solicitation before 8 a.m. "
                            + "or after 8 p.m. local time in the called person's time zone. "
                            + "https://flsenate.gov/Session/Bill/2021/1120/BillText/er/HTML",
                    "Fla. Stat. § 501.059 presumes that a number with a Florida area code belongs to a Florida "
                            + "resident: area-code states always count as jurisdictions."),
            new FrequencyCap(
                    "FL.cap",
                    UsState.FL,
                    3,
                    Duration.ofHours(24),
                    "Fla. Stat. § 501.616(6)(b): no more than 3 commercial telephone solicitation calls from any "
                            + "number to a person in a 24-hour period on the same subject matter or issue. "
                            + "https://flsenate.gov/Session/Bill/2021/1120/BillText/er/HTML",
                    "Counted over every text to the recipient, whatever its subject (stricter)."),

            // ---- Illinois
            hours(
                    UsState.IL,
                    SolicitationRule.everyDay(at(9), at(21)),
                    "815 ILCS 413/15(a) (Telephone Solicitations Act): no solicitation calls between 9 p.m. and "
                            + "8 a.m.; 815 ILCS 305/15 (Automatic Telephone Dialers Act): autodialed calls only "
                            + "9 a.m.–9 p.m. http://www.ilga.gov/legislation/publicacts/pubact91/acts/91-0182.html",
                    "Drop Cowboy lists 8 a.m.–9 p.m., ClickPoint 9 a.m.–9 p.m. (the autodialer act): the stricter "
                            + "9 a.m. is taken, as texts are sent by software."),

            // ---- Kentucky
            hours(
                    UsState.KY,
                    SolicitationRule.everyDay(at(10), at(21)),
                    "KRS 367.46955 (prohibited telephone solicitation acts): no telephone solicitation before "
                            + "10 a.m. or after 9 p.m. https://lawserver.com/law/state/kentucky/ks-statutes/kentucky_statutes_367-46955",
                    "KRS 367.461(2)(e) allows recorded-message equipment 8 a.m.–9 p.m.; the stricter 10 a.m. of "
                            + "the solicitation statute (and of both industry tables) is taken."),

            // ---- Louisiana
            hours(
                    UsState.LA,
                    monSat(8, 20),
                    "La. R.S. 45:811 and LPSC General Order R-29617 § V(A)(2): no telephonic solicitation on Sunday "
                            + "or a legal holiday, nor between 8 p.m. and 8 a.m. Monday through Saturday. "
                            + "https://dnc.com/holiday-alerts?year=2023",
                    "During a state of emergency declared by the governor no telephonic solicitation at all "
                            + "(LPSC, https://lpsc.louisiana.gov/DNC_Emergency): declared at run time."),
            sunday(UsState.LA, "La. R.S. 45:811; LPSC General Order R-29617 § V(A)(2)", ""),
            new HolidayBan(
                    "LA.holidays",
                    UsState.LA,
                    List.of(
                            NEW_YEAR,
                            new Holiday.Fixed("Battle of New Orleans", JANUARY, 8, false),
                            MLK,
                            WASHINGTON,
                            MARDI_GRAS,
                            GOOD_FRIDAY,
                            MEMORIAL,
                            INDEPENDENCE,
                            new Holiday.Fixed("Huey P. Long Day", AUGUST, 30, false),
                            LABOR,
                            COLUMBUS,
                            new Holiday.Fixed("All Saints' Day", NOVEMBER, 1, false),
                            new Holiday.Fixed("Veterans Day", NOVEMBER, 11, false),
                            THANKSGIVING,
                            CHRISTMAS),
                    true,
                    true,
                    "La. R.S. 45:811 (no solicitation on legal holidays); the holidays from La. R.S. 1:55(A)(1); "
                            + "New Year's Day, Independence Day and Christmas move off a weekend (La. R.S. 1:55(E)). "
                            + "https://legis.la.gov/legis/Law.aspx?d=74097",
                    "The LPSC enforces only the holidays on its own DNC list (ClickPoint); dnc.com lists the "
                            + "statutory ones too: every statutory holiday is banned (stricter). Holidays the "
                            + "governor proclaims (2023-07-03, 2023-12-26) are declared at run time."),

            // ---- Maryland
            hours(
                    UsState.MD,
                    SolicitationRule.everyDay(at(8), at(20)),
                    "Md. Code, Com. Law § 14-4501 et seq. (Stop the Spam Calls Act of 2023, SB 90, eff. 2024-01-01): "
                            + "telephone solicitations only 8 a.m.–8 p.m. in the called party's time zone. "
                            + "https://www.dnc.com/index.php/news/maryland-governor-signs-stop-spam-calls-act-2023-law",
                    ""),
            new FrequencyCap(
                    "MD.cap",
                    UsState.MD,
                    3,
                    Duration.ofHours(24),
                    "Md. Code, Com. Law § 14-4501 et seq. (SB 90, 2023): no more than 3 calls or texts to the same "
                            + "called party in 24 hours on the same subject. "
                            + "https://www.dnc.com/index.php/news/maryland-governor-signs-stop-spam-calls-act-2023-law",
                    "Counted over every text to the recipient, whatever its subject (stricter)."),

            // ---- Massachusetts
            hours(
                    UsState.MA,
                    SolicitationRule.everyDay(at(8), at(20)),
                    "201 CMR 12.02(2) under M.G.L. c. 159C § 3: no unsolicited telephonic sales call between 8 p.m. "
                            + "and 8 a.m. local time at the consumer's location. "
                            + "https://regulations.justia.com/states/massachusetts/201-cmr/title-201-cmr-12-00/section-12-02",
                    ""),

            // ---- Michigan
            hours(
                    UsState.MI,
                    SolicitationRule.everyDay(at(9), at(21)),
                    "Mich. Comp. Laws § 445.111 et seq. (Home Solicitation Sales Act, as amended by 2002 PA 612); "
                            + "hours as both industry tables give them (9 a.m.–9 p.m.). "
                            + "https://renderpdf.legislature.mi.gov/Laws/MCL?objectName=mcl-act-227-of-1971",
                    "The subsection setting the hours was not read in the statute itself: the row follows the two "
                            + "industry tables, which agree."),

            // ---- Minnesota
            hours(
                    UsState.MN,
                    SolicitationRule.everyDay(at(9), at(21)),
                    "Minn. Stat. § 325E.27 (calls before 9 a.m. or after 9 p.m. prohibited); hours as both industry "
                            + "tables give them. https://www.revisor.mn.gov/statutes/cite/325E.27",
                    ""),

            // ---- Mississippi
            new CallingHours(
                    "MS.hours",
                    Optional.of(UsState.MS),
                    monSat(8, 20),
                    Set.of(CENTRAL_STANDARD_TIME),
                    "Miss. Code Ann. § 77-3-723(1): authorized telephone solicitations only between 8:00 a.m. and "
                            + "8:00 p.m. Central Standard Time; none on Sunday. "
                            + "https://getpocketlaw.com/law/state_mississippi/section-77-3-723-rules-for-authorized-calls_57b73fa7ff73",
                    "§ 77-3-603(a) allows 8 a.m.–9 p.m. CST: the stricter 8 p.m. is taken. The statute's clock is "
                            + "CST (UTC-6 all year): the window must hold both in CST and in the recipient's own time."),
            sunday(UsState.MS, "Miss. Code Ann. § 77-3-723(1) and § 77-3-603(a)", ""),
            new HolidayBan(
                    "MS.holidays",
                    UsState.MS,
                    List.of(
                            NEW_YEAR,
                            weekday("Martin Luther King Jr. / Robert E. Lee Birthday", JANUARY, MONDAY, 3),
                            WASHINGTON,
                            weekday("Confederate Memorial Day", APRIL, MONDAY, -1),
                            weekday("Memorial Day / Jefferson Davis Birthday", MAY, MONDAY, -1),
                            INDEPENDENCE,
                            LABOR,
                            VETERANS,
                            THANKSGIVING,
                            CHRISTMAS),
                    true,
                    false,
                    "Former PSC rule 39 Miss. Admin. Code Pt. I, R. 1:28 (no solicitation on legal holidays); the "
                            + "holidays and their observance (a Sunday holiday on the Monday after) from "
                            + "Miss. Code Ann. § 3-3-7 (cited by https://leadmanagerhelp.clickpointsoftware.com/en/articles/5753977-state-calling-hours)",
                    "The PSC repealed its rules when enforcement moved to the Attorney General (HB 1225, 2023; "
                            + "https://www.dnc.com/blog/no-more-holidays-mississippi-marketers-magnolia-state-lifts-prohibition-telemarketing-legal) and Drop Cowboy allows holidays, but ClickPoint (2025-07) still "
                            + "bans them: kept (stricter). A compliance officer may switch MS.holidays off."),

            // ---- Nevada
            hours(
                    UsState.NV,
                    SolicitationRule.everyDay(at(9), at(20)),
                    "Drop Cowboy's table (9 a.m.–8 p.m.); NRS 597.814(2)(a) bars recorded-message calls received "
                            + "in Nevada between 9 p.m. and 9 a.m. http://www.contactcentercompliance.com/legal/statutes/NV/NRS/597.814.adpx",
                    "NAC 599B summaries give 8 a.m.–9 p.m. and the ADAD statute 9 a.m.–9 p.m.; the stricter "
                            + "9 a.m.–8 p.m. of Drop Cowboy's table is taken."),

            // ---- New Mexico
            hours(
                    UsState.NM,
                    SolicitationRule.everyDay(at(9), at(21)),
                    "N.M. Stat. § 57-12-22(B)(5): unlawful to make a telephone solicitation received before 9:00 a.m. "
                            + "or after 9:00 p.m. https://law.justia.com/codes/new-mexico/2006/nmrc/jd_57-12-22-13117.html",
                    ""),

            // ---- Oklahoma
            hours(
                    UsState.OK,
                    SolicitationRule.everyDay(at(8), at(20)),
                    "Okla. Stat. tit. 15, § 775C.4 (Telephone Solicitation Act of 2022, eff. 2022-11-01): no commercial "
                            + "telephonic sales call before 8 a.m. or after 8 p.m. local time; a call to an Oklahoma "
                            + "area code is presumed made to a person in the state. "
                            + "https://www.nolo.com/legal-encyclopedia/oklahoma-restrictions-on-telemarketers.html",
                    ""),
            new FrequencyCap(
                    "OK.cap",
                    UsState.OK,
                    3,
                    Duration.ofHours(24),
                    "Okla. Stat. tit. 15, § 775C.4: no more than 3 commercial telephonic sales calls in a 24-hour "
                            + "period on the same subject matter or issue. "
                            + "https://blog.clickpointsoftware.com/federal-and-local-call-time-and-date-compliance",
                    "Counted over every text to the recipient, whatever its subject (stricter)."),

            // ---- Pennsylvania
            new CallingHours(
                    "PA.hours",
                    Optional.of(UsState.PA),
                    SolicitationRule.everyDay(at(8), at(21)),
                    Set.of(EASTERN),
                    "73 P.S. § 2245(a)(1) (Telemarketer Registration Act): no telemarketing after 9 p.m. or before "
                            + "8 a.m.; the Attorney General reads it as Eastern Time. https://govt.westlaw.com/pac/Document/NE4CC77F0E9F711E9BEFE89A994168F89; "
                            + "https://www.attorneygeneral.gov/protect-yourself/consumer-advisories/telemarketing-information-you-need-to-know/",
                    "The window must hold in Eastern time as well as the recipient's. Drop Cowboy's summary table "
                            + "shows a Saturday 8 a.m.–12 p.m. window for PA that neither the statute nor Drop Cowboy's "
                            + "own Pennsylvania page supports: not taken. SB 992 (2025: no Sundays, 9 a.m.–7 p.m.) had "
                            + "passed only the Senate when this row was written "
                            + "(https://www.pasenategop.com/news/brooks-bill-to-strengthen-protections-against-telemarketers-passes-senate)."),
            new HolidayBan(
                    "PA.holidays",
                    UsState.PA,
                    List.of(
                            NEW_YEAR,
                            MLK,
                            weekday("Presidents' Day", FEBRUARY, MONDAY, 3),
                            GOOD_FRIDAY,
                            MEMORIAL,
                            new Holiday.Fixed("Flag Day", JUNE, 14, true),
                            INDEPENDENCE,
                            LABOR,
                            COLUMBUS,
                            new Holiday.NthWeekday("Election Day", NOVEMBER, MONDAY, 1, 1),
                            VETERANS,
                            THANKSGIVING,
                            CHRISTMAS),
                    true,
                    false,
                    "73 P.S. § 2245.2 as amended by Act 73 of 2019 (eff. 2019-12-03): no telephone solicitation "
                            + "calls on legal holidays, listed there. "
                            + "https://www.dnc.com/news/update-pennsylvania-governor-signs-new-robocall-restrictions-law",
                    "A Sunday holiday is also banned on the Monday after (44 P.S. § 11 observance; stricter). "
                            + "Election Day is banned every year, not only in general-election years."),

            // ---- Rhode Island
            hours(
                    UsState.RI,
                    rhodeIsland(),
                    "R.I. Gen. Laws § 5-61-3.6 with § 5-61-2 (\"hours of operation\": Monday through Friday, except a "
                            + "state or federal holiday, 9 a.m.–6 p.m.; Saturday 10 a.m.–5 p.m.). "
                            + "http://webserver.rilin.state.ri.us/Statutes/TITLE5/5-61/5-61-3.6.HTM; https://instalawyer.io/laws/rhode-island-general-laws/section-5-61-2-definitions",
                    ""),
            sunday(UsState.RI, "R.I. Gen. Laws § 5-61-2 (no hours of operation on Sunday) and § 5-61-3.6", ""),
            new HolidayBan(
                    "RI.holidays",
                    UsState.RI,
                    List.of(
                            NEW_YEAR,
                            MLK,
                            WASHINGTON,
                            MEMORIAL,
                            JUNETEENTH,
                            INDEPENDENCE,
                            weekday("Victory Day", AUGUST, MONDAY, 2),
                            LABOR,
                            COLUMBUS,
                            VETERANS,
                            THANKSGIVING,
                            CHRISTMAS),
                    true,
                    true,
                    "R.I. Gen. Laws § 5-61-2 (no sales calls on a state or federal holiday): Rhode Island's legal "
                            + "holidays (R.I. Gen. Laws § 25-1-1, a Sunday holiday observed on the Monday) and the "
                            + "federal ones (5 U.S.C. § 6103, Saturday ones observed on the Friday). "
                            + "https://leadmanagerhelp.clickpointsoftware.com/en/articles/5753977-state-calling-hours",
                    "The statute excepts holidays from the weekday hours only; holidays falling on a Saturday are "
                            + "banned too (stricter)."),

            // ---- Texas
            hours(
                    UsState.TX,
                    texas(),
                    "Tex. Bus. & Com. Code § 301.051: no telephone solicitation before 9 a.m. or after 9 p.m. on a "
                            + "weekday or Saturday, or before noon or after 9 p.m. on a Sunday; SB 140 (2025) extends "
                            + "telephone solicitation to text messages. "
                            + "https://statutes.capitol.texas.gov/Docs/BC/htm/BC.301.htm#301.051",
                    ""),

            // ---- Utah
            hours(
                    UsState.UT,
                    SolicitationRule.everyDay(at(8), at(21)),
                    "Utah Code § 13-25a-103(3): no telephone solicitation between 9 p.m. and 8 a.m. local time, on "
                            + "a Sunday or on a legal holiday. https://codes.findlaw.com/ut/title-13-commerce-and-trade/ut-code-sect-13-25a-103/",
                    "The statute exempts solicitations with prior express consent; not applied (conservative)."),
            sunday(
                    UsState.UT,
                    "Utah Code § 13-25a-103(3)(b)",
                    "Not applied to consented texts by the statute; applied here."),
            new HolidayBan(
                    "UT.holidays",
                    UsState.UT,
                    List.of(
                            NEW_YEAR,
                            weekday("Dr. Martin Luther King Jr. Day (Human Rights Day)", JANUARY, MONDAY, 3),
                            weekday("Washington and Lincoln Day", FEBRUARY, MONDAY, 3),
                            MEMORIAL,
                            JUNETEENTH,
                            INDEPENDENCE,
                            new Holiday.Fixed("Pioneer Day", JULY, 24, true),
                            LABOR,
                            COLUMBUS,
                            VETERANS,
                            THANKSGIVING,
                            CHRISTMAS),
                    true,
                    true,
                    "Utah Code § 13-25a-103(3)(c) (no solicitation on a legal holiday); the holidays and their "
                            + "observance (Sunday to Monday, Saturday to Friday) from Utah Code § 63G-1-301.",
                    ""),

            // ---- Washington
            hours(
                    UsState.WA,
                    SolicitationRule.everyDay(at(8), at(20)),
                    "RCW 80.36.390 as amended by ESHB 1497 (2022) and RCW 19.158.110: no telephone solicitation "
                            + "before 8 a.m. or after 8 p.m. at the called party's location. "
                            + "https://app.leg.wa.gov/RCW/default.aspx?cite=80.36.390",
                    "The hours clause was read in summaries of ESHB 1497 (VICIdial forum, 2022-11) and the "
                            + "industry tables, not in the RCW text itself."));

    /** The row with this id. */
    public static Optional<SolicitationRule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static CallingHours hours(UsState state, Map<DayOfWeek, Window> windows, String source, String note) {
        return new CallingHours(state.code() + ".hours", Optional.of(state), windows, Set.of(), source, note);
    }

    private static DayBan sunday(UsState state, String source, String note) {
        return new DayBan(state.code() + ".sunday", state, Set.of(SUNDAY), source, note);
    }

    private static Holiday weekday(String name, Month month, DayOfWeek day, int n) {
        return new Holiday.NthWeekday(name, month, day, n, 0);
    }

    private static LocalTime at(int hour) {
        return LocalTime.of(hour, 0);
    }

    private static Map<DayOfWeek, Window> monSat(int from, int to) {
        Map<DayOfWeek, Window> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : MON_SAT) {
            map.put(day, new Window(at(from), at(to)));
        }
        return map;
    }

    private static Map<DayOfWeek, Window> rhodeIsland() {
        Map<DayOfWeek, Window> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : MON_FRI) {
            map.put(day, new Window(at(9), at(18)));
        }
        map.put(SATURDAY, new Window(at(10), at(17)));
        return map;
    }

    private static Map<DayOfWeek, Window> texas() {
        Map<DayOfWeek, Window> map = monSat(9, 21);
        map.put(SUNDAY, new Window(at(12), at(21)));
        return map;
    }
}
