//! `data-rights/*`: rights over the customer's data — licences, purposes, usage data, aggregated
//! data, ownership, sharing, retention and encryption keys.

pub mod aggregated_data_carveout;
pub mod broad_license;
pub mod ownership_not_stated;
pub mod retention_deletion;
pub mod third_party_sharing;
pub mod usage_data_any_purpose;
pub mod vague_purpose;
pub mod vendor_held_keys;

use std::sync::OnceLock;

use regex::Regex;

use crate::context::SentenceFacts;
use crate::rule::Rule;

pub static RULES: &[&dyn Rule] = &[
    &broad_license::BroadLicense,
    &vague_purpose::VaguePurpose,
    &usage_data_any_purpose::UsageDataAnyPurpose,
    &aggregated_data_carveout::AggregatedDataCarveout,
    &ownership_not_stated::OwnershipNotStated,
    &third_party_sharing::ThirdPartySharing,
    &retention_deletion::RetentionDeletion,
    &vendor_held_keys::VendorHeldKeys,
];

/// Open-ended purposes: "for any purpose", "to improve our services", "develop new products",
/// "business purposes", "as we see fit", "in any manner", "without restriction", "commercially
/// exploit", "in connection with … Company's business".
pub(crate) fn open_purpose(s: &SentenceFacts) -> Option<(usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?-u:\b)for\ any\ (?:lawful\ |legal\ |other\ |legitimate\ |business\ )?purposes?(?-u:\b)
          | (?-u:\b)any\ purpose\ whatsoever(?-u:\b)
          | (?-u:\b)(?:for|in\ connection\ with)\ (?:our|its|the\ specific|specific)?\s?(?:own\ |internal\ |legitimate\ |general\ )?business\ (?:purposes|operations)(?-u:\b)
          | (?-u:\b)to\ (?:develop|grow|build)\ our\ business(?-u:\b)
          | (?-u:\b)(?:improve|improving|improvement\ of|enhance|enhancing|develop|developing|development\ of|optimi[sz]e|optimi[sz]ing)(?-u:\b),?(?:\s+(?:and|or|,)?\s*(?:improve|improving|enhance|develop|developing|test|provide|maintain|operate|promote|market|improvement|development|promotion|provision|distribution|personali[sz]e|customi[sz]e|expand|analy[sz]e|evaluate|build|create)\w*,?)*\s+(?:of\ )?(?:our|the|its|new|those|such|these|google|[a-z]+'s)?\s*(?:and\ [a-z]+(?:'s)?\ )?(?:research,?\s+)?(?:products?|services?|offerings|platform|technolog(?:y|ies)|business|features|websites?|apps?|site|tools|software|service)(?-u:\b)
          | (?-u:\b)develop(?:ing)?\ new\ (?:products|services|features|offerings|technologies)(?-u:\b)
          | (?-u:\b)(?:product|service)\ (?:improvement|development)(?-u:\b)
          | (?-u:\b)(?:for|in)\ (?:research|advertising)(?:\ and\ [a-z]+)?\ purposes(?-u:\b)
          | (?-u:\b)as\ (?:we|it|they)\ (?:may\ )?(?:see\ fit|deem\ appropriate|choose|determine)(?-u:\b)
          | (?-u:\b)as\ [a-z]+\ (?:sees|deems)\ fit(?-u:\b)
          | (?-u:\b)(?:marketing|advertising|promotion|promotional),?\ (?:and|or)\ (?:for\ )?other\ purposes(?-u:\b)
          | (?-u:\b)(?:use|exploit|display|distribute|disclose)(?-u:\b)[^.;]*(?-u:\b)in\ any\ (?:manner|way)(?-u:\b)
          | (?-u:\b)(?:development|improvement|promotion)(?-u:\b)(?:,?\s+(?:and\ )?\w+)*\s+of\ (?:the|our|its)(?-u:\b)
          | (?-u:\b)at\ (?:our|its)\ (?:sole\ |absolute\ )?discretion(?-u:\b)[^.;]{0,40}(?-u:\b)(?:use|exploit|disclose)(?-u:\b)
          | (?-u:\b)freely(?-u:\b)
          | (?-u:\b)without\ (?:any\ )?restrictions?(?-u:\b)
          | (?-u:\b)for\ (?:the\ )?purposes?\ of\ (?:our\ )?(?:advertising|research)(?-u:\b)
          | (?-u:\b)commercially\ exploit(?-u:\b)
          | (?-u:\b)commerciali[sz](?:e|ing)(?-u:\b)
          | (?-u:\b)for\ (?:any\ )?commercial\ purposes(?-u:\b)
          | (?-u:\b)in\ connection\ with\ (?:[^.;]{0,80}?\ )?(?:our|its|company's)(?:\ \([^)]{0,60}\))?\ business(?:es)?(?-u:\b)
          ",
        )
        .expect("valid open-purpose regex")
    });
    re.find(&s.norm).map(|m| (m.start(), m.end()))
}

/// Limits that make a purpose narrow: "solely to provide the Services", "only as necessary to
/// perform".
pub(crate) fn narrowed(s: &SentenceFacts) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:solely|only|exclusively|strictly)\s+(?:\w+\s+){0,3}?(?:to|for|as)\s+(?:necessary\s+to\s+)?(?:provide|perform|deliver|operate|fulfil|fulfill|support|comply|the purpose of providing)(?-u:\b)|(?-u:\b)for the sole purpose of providing(?-u:\b)")
            .expect("valid narrowing regex")
    });
    re.is_match(&s.norm)
}
