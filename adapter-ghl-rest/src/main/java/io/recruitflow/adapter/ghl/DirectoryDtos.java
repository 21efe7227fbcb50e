package io.recruitflow.adapter.ghl;

import java.util.List;

/**
 * Moshi DTOs of openapi/workflows.json, locations.json and users.json, named as in the specs (nested per
 * service where two specs use the same name). Public only for Moshi (see {@link ContactDtos}).
 */
final class DirectoryDtos {
    private DirectoryDtos() {}

    /** workflows.json */
    static final class Workflows {
        private Workflows() {}

        public record GetWorkflowSuccessfulResponseDto(List<WorkflowSchema> workflows) {}

        public record WorkflowSchema(String id, String name, String status, String locationId) {}
    }

    /** locations.json */
    static final class Locations {
        private Locations() {}

        /** search-locations: {@code skip}/{@code limit} paging (as strings). */
        public record SearchSuccessfulResponseDto(List<GetLocationSchema> locations) {}

        public record GetLocationSchema(String id, String name, String companyId, String timezone) {}

        public record GetLocationByIdSuccessfulResponseDto(GetLocationByIdSchema location) {}

        public record GetLocationByIdSchema(
                String id, String companyId, String name, String timezone, SettingsSchema settings) {}

        /** The location's settings; {@code allowDuplicateContact} decides what an upsert may merge. */
        public record SettingsSchema(Boolean allowDuplicateContact, Boolean allowDuplicateOpportunity) {}

        /** get-custom-fields: the location's custom fields. */
        public record CustomFieldsListSuccessfulResponseDto(List<CustomFieldSchema> customFields) {}

        /** A custom field's definition; {@code dataType} says what shape its value takes on input. */
        public record CustomFieldSchema(
                String id, String name, String fieldKey, String dataType, List<String> picklistOptions, String model) {}
    }

    /** users.json */
    static final class Users {
        private Users() {}

        public record LocationSuccessfulResponseDto(List<UserSchema> users) {}

        public record SearchUserSuccessfulResponseDto(List<UserSchema> users, Long count) {}

        public record UserSchema(String id, String name, String firstName, String lastName, String email) {}

        /** get-user answers the user flat. */
        public record UserSuccessfulResponseDto(
                String id, String name, String firstName, String lastName, String email) {}
    }
}
