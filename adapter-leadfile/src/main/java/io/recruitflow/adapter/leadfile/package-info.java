/**
 * Lead files: {@link io.recruitflow.adapter.leadfile.LeadFileParser} reads CSV lead lists with Apache
 * Commons CSV into raw {@link io.recruitflow.domain.recruit.LeadInput}s, in the encoding
 * {@link io.recruitflow.adapter.leadfile.DecodedText} detects and with the header spellings of
 * {@link io.recruitflow.adapter.leadfile.LeadColumn} or an explicit column mapping, and
 * {@link io.recruitflow.adapter.leadfile.LibPhoneNumbers} implements the domain's phone-number port with
 * Google's libphonenumber. {@link io.recruitflow.adapter.leadfile.LeadFileModule} binds both, from a
 * {@link io.recruitflow.adapter.leadfile.LeadFileConfig}.
 */
package io.recruitflow.adapter.leadfile;
