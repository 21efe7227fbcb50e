package io.recruitflow.adapter.ghl;

import static io.recruitflow.adapter.ghl.MockGhl.LOC;
import static io.recruitflow.adapter.ghl.MockGhl.json;
import static io.recruitflow.adapter.ghl.MockGhl.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationId;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every paging style the covered endpoints use, lazily, stopping where GHL says the end is. */
class PagingTest {
    private final MockWebServer server = new MockWebServer();
    private GhlClient ghl;

    @BeforeEach
    void start() throws Exception {
        server.start();
        ghl = MockGhl.client(server);
    }

    @AfterEach
    void stop() {
        ghl.close();
        MockGhl.closeQuietly(server);
    }

    private static String contacts(int from, int count) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (int i = from; i < from + count; i++) {
            String contact = MockGhl.contactJson("c" + i);
            j.add(contact.substring(0, contact.length() - 1) + ",\"searchAfter\":[" + (1_770_000_000_000L + i) + ",\"c"
                    + i + "\"]}");
        }
        return j.toString();
    }

    @Test
    void contactSearchIsLazyAndFollowsSearchAfterUntilTheTotal() throws Exception {
        server.enqueue(json("{\"contacts\":" + contacts(0, 100) + ",\"total\":150}"));
        server.enqueue(json("{\"contacts\":" + contacts(100, 50) + ",\"total\":150}"));

        Stream<?> stream = ghl.contacts().search(new LocationId(LOC), "john");
        assertThat(server.getRequestCount()).isZero();

        assertThat(stream.count()).isEqualTo(150);
        RecordedRequest first = take(server);
        assertThat(first.getMethod() + " " + first.getPath()).isEqualTo("POST /contacts/search");
        assertThat(first.getBody().readUtf8())
                .isEqualTo("{\"locationId\":\"loc_abc123\",\"page\":1,\"pageLimit\":100,\"query\":\"john\"}");
        // The second page continues after the last hit's sort values, whole numbers kept whole.
        assertThat(take(server).getBody().readUtf8())
                .isEqualTo("{\"locationId\":\"loc_abc123\",\"pageLimit\":100,"
                        + "\"query\":\"john\",\"searchAfter\":[1770000000099,\"c99\"]}");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void takingTheFirstHitFetchesOnePage() {
        server.enqueue(json("{\"contacts\":" + contacts(0, 100) + ",\"total\":1000}"));

        assertThat(ghl.contacts().search(new LocationId(LOC), "john").findFirst())
                .isPresent();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void findByPhoneOrEmailAsksOneOrFilterAndKeepsOnlyExactMatches() throws Exception {
        server.enqueue(json("{\"contacts\":[" + MockGhl.contactJson("c1").replace("+14075551234", "+14075559999") + ","
                + MockGhl.contactJson("c2") + "],\"total\":2}"));

        var hit = ghl.contacts()
                .findByPhoneOrEmail(
                        new LocationId(LOC),
                        Optional.of(new PhoneNumber("+14075551234")),
                        Optional.of(new EmailAddress("john.smith@example.com")));

        assertThat(hit).map(c -> c.id().value()).contains("c2");
        assertThat(take(server).getBody().readUtf8())
                .contains("\"filters\":[{\"group\":\"OR\",\"filters\":["
                        + "{\"field\":\"phone\",\"operator\":\"eq\",\"value\":\"+14075551234\"},"
                        + "{\"field\":\"email\",\"operator\":\"eq\",\"value\":\"john.smith@example.com\"}]}]");
    }

    @Test
    void opportunitiesFollowMetaStartAfterUntilNextPageUrlIsGone() throws Exception {
        String opp =
                "{\"id\":\"o%d\",\"pipelineId\":\"p\",\"pipelineStageId\":\"s\",\"status\":\"open\",\"contactId\":\"c\"}";
        server.enqueue(
                json(
                        "{\"opportunities\":[" + String.format(opp, 1) + "],\"meta\":{\"total\":2,"
                                + "\"startAfterId\":\"o1\",\"startAfter\":1628008053263,\"nextPageUrl\":\"https://x/opportunities/search?page=2\"}}"));
        server.enqueue(json("{\"opportunities\":[" + String.format(opp, 2) + "],\"meta\":{\"total\":2,"
                + "\"startAfterId\":\"o2\",\"startAfter\":1628008053264,\"nextPageUrl\":null}}"));

        assertThat(ghl.opportunities()
                        .search(new LocationId(LOC), new PipelineId("p"))
                        .map(o -> o.id().value()))
                .containsExactly("o1", "o2");
        take(server);
        assertThat(take(server).getPath()).endsWith("&limit=100&startAfterId=o1&startAfter=1628008053263");
    }

    @Test
    void messagesFollowLastMessageIdWhileNextPageAndAcceptTheWrappedShape() throws Exception {
        String sms = "{\"id\":\"m%d\",\"messageType\":\"TYPE_SMS\",\"direction\":\"%s\",\"body\":\"hi\","
                + "\"contactId\":\"c1\",\"conversationId\":\"conv_1\",\"dateAdded\":\"2026-02-12T13:05:00.000Z\",\"status\":\"delivered\"}";
        String call =
                "{\"id\":\"m9\",\"messageType\":\"TYPE_CALL\",\"direction\":\"inbound\",\"dateAdded\":\"2026-02-12T13:00:00Z\"}";
        // GHL's real answer wraps the page; the spec's is flat. A page of calls only is not the end.
        server.enqueue(json("{\"messages\":{\"lastMessageId\":\"m9\",\"nextPage\":true,\"messages\":[" + call + "]}}"));
        server.enqueue(json("{\"lastMessageId\":\"m2\",\"nextPage\":true,\"messages\":["
                + String.format(sms, 1, "outbound") + "," + String.format(sms, 2, "inbound") + "]}"));
        server.enqueue(json("{\"lastMessageId\":\"m3\",\"nextPage\":false,\"messages\":["
                + String.format(sms, 3, "outbound") + "]}"));
        ConversationId conv = new ConversationId("conv_1");

        var messages = ghl.conversations().messages(new LocationId(LOC), conv).toList();

        assertThat(messages).extracting(m -> m.id().value()).containsExactly("m1", "m2", "m3");
        assertThat(messages.get(1).direction()).isEqualTo(Direction.INBOUND);
        assertThat(messages.get(0).channel()).isEqualTo(Channel.SMS);
        assertThat(take(server).getPath()).isEqualTo("/conversations/conv_1/messages?limit=100");
        assertThat(take(server).getPath()).isEqualTo("/conversations/conv_1/messages?lastMessageId=m9&limit=100");
        assertThat(take(server).getPath()).isEqualTo("/conversations/conv_1/messages?lastMessageId=m2&limit=100");
    }

    @Test
    void messagesWithAContactFindTheConversationThenPageItsMessagesLazily() throws Exception {
        String sms = "{\"id\":\"m%d\",\"messageType\":\"TYPE_SMS\",\"direction\":\"outbound\",\"body\":\"hi\","
                + "\"contactId\":\"c1\",\"conversationId\":\"conv_1\",\"dateAdded\":\"2026-02-12T13:05:00.000Z\"}";
        server.enqueue(json("{\"conversations\":[{\"id\":\"conv_1\",\"contactId\":\"c1\"}],\"total\":1}"));
        server.enqueue(json("{\"lastMessageId\":\"m2\",\"nextPage\":true,\"messages\":[" + String.format(sms, 1) + ","
                + String.format(sms, 2) + "]}"));
        server.enqueue(
                json("{\"lastMessageId\":\"m3\",\"nextPage\":false,\"messages\":[" + String.format(sms, 3) + "]}"));

        Stream<ConversationMessage> messages =
                ghl.conversations().messagesWith(new LocationId(LOC), new ContactId("c1"));
        assertThat(messages.findFirst()).map(m -> m.id().value()).contains("m1");

        assertThat(take(server).getPath())
                .isEqualTo("/conversations/search?locationId=loc_abc123&contactId=c1&limit=20");
        assertThat(take(server).getPath()).isEqualTo("/conversations/conv_1/messages?limit=100");
        assertThat(server.getRequestCount()).isEqualTo(2); // the second page was never needed
    }

    @Test
    void aContactWithoutAConversationHasNoMessages() {
        server.enqueue(json("{\"conversations\":[],\"total\":0}"));

        assertThat(ghl.conversations().messagesWith(new LocationId(LOC), new ContactId("c1")))
                .isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void usersAndLocationsPageWithSkipAndLimitAsStrings() throws Exception {
        StringJoiner full = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 100; i++) {
            full.add("{\"id\":\"u" + i + "\",\"name\":\"User " + i + "\"}");
        }
        server.enqueue(json("{\"users\":" + full + ",\"count\":101}"));
        server.enqueue(json("{\"users\":[{\"id\":\"u100\",\"name\":\"Last\"}],\"count\":101}"));

        assertThat(ghl.directory().searchUsers(new CompanyId("comp_abc"), null)).hasSize(101);
        assertThat(take(server).getPath()).isEqualTo("/users/search?companyId=comp_abc&skip=0&limit=100");
        assertThat(take(server).getPath()).isEqualTo("/users/search?companyId=comp_abc&skip=100&limit=100");
    }

    @Test
    void aServerThatRepeatsItsCursorDoesNotLoopForever() {
        String page = "{\"opportunities\":[{\"id\":\"o1\",\"pipelineId\":\"p\",\"pipelineStageId\":\"s\"}],"
                + "\"meta\":{\"startAfterId\":\"o1\",\"startAfter\":1,\"nextPageUrl\":\"https://x/next\"}}";
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(page));
        }

        assertThat(ghl.opportunities()
                        .search(new LocationId(LOC), new PipelineId("p"))
                        .count())
                .isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
