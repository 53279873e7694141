#include "policy.hpp"

#include "params.hpp"
#include "rng.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <queue>

namespace tendersim {
namespace {

using CouncilGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Councils are neighbours when they follow each other in their region's list (a chain, as along
// a county) and the pair can work together (a seeded draw): the graph is fixed for a market.
CouncilGraph council_graph(const Market& m) {
    CouncilGraph g(m.councils.size());
    std::vector<std::vector<std::uint32_t>> by_region(m.regions);
    for (std::uint32_t c = 0; c < m.councils.size(); ++c)
        by_region[m.councils.region[c]].push_back(c);
    for (const auto& members : by_region)
        for (std::size_t k = 1; k < members.size(); ++k) {
            Stream rng(m.seed, 0, StreamPurpose::Policy,
                       (std::uint64_t{members[k - 1]} << 32) | members[k]);
            if (rng.bernoulli(m.spec.market.partnership_link_share))
                boost::add_edge(members[k - 1], members[k], g);
        }
    return g;
}

bool is_adopter(const Market& m, const Adoption& a, std::size_t council) {
    switch (a.scope) {
    case Adoption::Scope::All:
        return true;
    case Adoption::Scope::Region:
        return m.councils.region[council] == a.region;
    case Adoption::Scope::Councils:
        return std::find(a.councils.begin(), a.councils.end(),
                         static_cast<std::int64_t>(council)) != a.councils.end();
    }
    return false;
}

} // namespace

void apply_patch(PolicySpec& policy, const Adoption& adoption) {
    ScenarioSpec from, to;
    from.policy = adoption.patch;
    to.policy = policy;
    for (const auto& key : adoption.keys) {
        const ParamDef* def = find_param("policy." + key);
        if (!def) continue;
        switch (def->kind) {
        case ParamKind::Real:
            def->real(to) = def->real(from);
            break;
        case ParamKind::Int:
            def->integer(to) = def->integer(from);
            break;
        case ParamKind::Bool:
            def->boolean(to) = def->boolean(from);
            break;
        case ParamKind::Choice:
            def->set_choice(to, def->get_choice(from));
            break;
        }
    }
    policy = to.policy;
}

bool make_adoption(Adoption& out, const std::string& key, double value) {
    const ParamDef* def = find_param("policy." + key);
    if (!def || !(value >= def->min && value <= def->max)) return false; // NaN fails too
    ScenarioSpec s;
    switch (def->kind) {
    case ParamKind::Real:
        def->real(s) = value;
        break;
    case ParamKind::Int:
        def->integer(s) = static_cast<std::int64_t>(value);
        break;
    case ParamKind::Bool:
        def->boolean(s) = value != 0.0;
        break;
    case ParamKind::Choice:
        return false;
    }
    out = Adoption{};
    out.scope = Adoption::Scope::All;
    out.patch = s.policy;
    out.keys = {key};
    return true;
}

void initialise_policies(Market& m) {
    const std::size_t n = m.councils.size();
    m.councils.policy.assign(n, m.spec.policy);
    m.councils.partnership.assign(n, -1);
    m.councils.steer_threshold.assign(n, 0.0);
    m.councils.paid_year.assign(n, 0);
    m.councils.paid_sme_year.assign(n, 0);
    build_partnerships(m);
}

void adopt(Market& m, const Adoption& adoption) {
    bool partnerships_changed = false;
    for (std::size_t c = 0; c < m.councils.size(); ++c) {
        if (!is_adopter(m, adoption, c)) continue;
        auto& policy = m.councils.policy[c];
        const bool before = policy.shared_back_office;
        const auto size_before = policy.partnership_max_size;
        apply_patch(policy, adoption);
        partnerships_changed |=
            before != policy.shared_back_office || size_before != policy.partnership_max_size;
    }
    if (partnerships_changed) build_partnerships(m);
}

void apply_adoptions(Market& m) {
    for (const auto& a : m.spec.adoptions)
        if (a.year == m.reported_year()) adopt(m, a);
}

void build_partnerships(Market& m) {
    auto& c = m.councils;
    std::fill(c.partnership.begin(), c.partnership.end(), -1);
    m.partnerships.clear();
    bool any = false;
    for (const auto& p : c.policy) any |= p.shared_back_office;
    if (!any) return;
    const CouncilGraph g = council_graph(m);
    // Greedy breadth-first grouping from the lowest free council id: deterministic, and every
    // partnership is connected on the graph.
    for (std::uint32_t start = 0; start < c.size(); ++start) {
        if (c.partnership[start] >= 0 || !c.policy[start].shared_back_office) continue;
        const auto max_size = static_cast<std::size_t>(c.policy[start].partnership_max_size);
        std::vector<CouncilId> members;
        std::queue<std::uint32_t> frontier;
        const auto id = static_cast<std::int32_t>(m.partnerships.size());
        frontier.push(start);
        c.partnership[start] = id;
        while (!frontier.empty() && members.size() < max_size) {
            const std::uint32_t v = frontier.front();
            frontier.pop();
            members.push_back(CouncilId(v));
            for (auto [it, end] = boost::adjacent_vertices(v, g); it != end; ++it) {
                const auto u = static_cast<std::uint32_t>(*it);
                if (c.partnership[u] >= 0 || !c.policy[u].shared_back_office) continue;
                if (members.size() + frontier.size() >= max_size) break;
                c.partnership[u] = id;
                frontier.push(u);
            }
        }
        if (members.size() < 2) { // a partnership of one is no partnership
            c.partnership[start] = -1;
            continue;
        }
        m.partnerships.push_back(std::move(members));
    }
}

double reserve_threshold(const Market& m, CouncilId c) {
    const auto& p = m.councils.policy[c.index()];
    if (p.sme_target_share > 0.0) return m.councils.steer_threshold[c.index()];
    return p.sme_reserve_threshold_gbp;
}

void steer_sme_targets(Market& m) {
    auto& c = m.councils;
    const double step = m.spec.levers.steer_step;
    for (std::size_t i = 0; i < c.size(); ++i) {
        const auto& p = c.policy[i];
        if (p.sme_target_share <= 0.0) {
            c.steer_threshold[i] = 0.0;
            continue;
        }
        double& t = c.steer_threshold[i];
        if (t <= 0.0)
            t = std::max(p.sme_reserve_threshold_gbp, m.spec.levers.steer_initial_reserve_gbp);
        if (c.paid_year[i] == 0) continue; // no spend last year: nothing to steer by
        const double share =
            static_cast<double>(c.paid_sme_year[i]) / static_cast<double>(c.paid_year[i]);
        // Reserve more while below the target, less once comfortably above it.
        if (share < p.sme_target_share)
            t = std::min(t * step, m.spec.levers.steer_max_reserve_gbp);
        else if (share > p.sme_target_share + 0.05)
            t = std::max(m.spec.levers.steer_initial_reserve_gbp, t / step);
    }
}

} // namespace tendersim
