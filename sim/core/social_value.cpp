#include "social_value.hpp"

namespace tendersim {
namespace {

struct Weights {
    double job, carbon, community;
};

// Each measure's share of the offer times its proxy relative to the reference proxy.
Weights priced_shares(const Market& m, std::size_t i) {
    const auto& sv = m.spec.social_value;
    const auto& s = m.suppliers;
    return {s.sv_mix_job[i] * (sv.job_proxy_gbp / kReferenceJobProxyGbp),
            s.sv_mix_carbon[i] * (sv.carbon_proxy_gbp / kReferenceCarbonProxyGbp),
            s.sv_mix_community[i] * (sv.community_proxy_gbp / kReferenceCommunityProxyGbp)};
}

bool reference_proxies(const SocialValueSpec& sv) {
    return sv.job_proxy_gbp == kReferenceJobProxyGbp &&
           sv.carbon_proxy_gbp == kReferenceCarbonProxyGbp &&
           sv.community_proxy_gbp == kReferenceCommunityProxyGbp;
}

} // namespace

void draw_social_value_mix(Market& m, std::size_t i) {
    const auto& sv = m.spec.social_value;
    auto& s = m.suppliers;
    const bool sme = s.is_sme[i] != 0;
    Stream rng(m.seed, 0, StreamPurpose::SocialValueMix, i);
    const double lo = 1.0 - sv.mix_spread, width = 2.0 * sv.mix_spread;
    const double job = (sme ? sv.sme_job_mix : sv.large_job_mix) * (lo + width * rng.uniform());
    const double carbon =
        (sme ? sv.sme_carbon_mix : sv.large_carbon_mix) * (lo + width * rng.uniform());
    const double community =
        (sme ? sv.sme_community_mix : sv.large_community_mix) * (lo + width * rng.uniform());
    const double total = job + carbon + community;
    // A mix of zeros (all means 0) falls back to equal thirds.
    s.sv_mix_job[i] = static_cast<float>(total > 0 ? job / total : 1.0 / 3);
    s.sv_mix_carbon[i] = static_cast<float>(total > 0 ? carbon / total : 1.0 / 3);
    s.sv_mix_community[i] = static_cast<float>(total > 0 ? community / total : 1.0 / 3);
}

double proxy_value_factor(const Market& m, std::size_t i) {
    // Per bid: at the reference proxies the answer is 1 without touching the supplier's mix.
    if (reference_proxies(m.spec.social_value)) return 1.0;
    const auto& s = m.suppliers;
    const Weights w = priced_shares(m, i);
    const double mix =
        static_cast<double>(s.sv_mix_job[i]) + s.sv_mix_carbon[i] + s.sv_mix_community[i];
    // The same sum in the same order on both sides: exactly 1 at the reference proxies.
    return mix > 0 ? (w.job + w.carbon + w.community) / mix : 1.0;
}

SocialValueUnits units_of(const Market& m, std::size_t i, double gbp) {
    if (gbp <= 0) return {};
    const auto& sv = m.spec.social_value;
    const Weights w = priced_shares(m, i);
    const double total = w.job + w.carbon + w.community;
    if (total <= 0) return {};
    return {gbp * (w.job / total) / sv.job_proxy_gbp,
            gbp * (w.carbon / total) / sv.carbon_proxy_gbp,
            gbp * (w.community / total) / sv.community_proxy_gbp};
}

} // namespace tendersim
