package org.lodestone.mineral;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.lodestone.mineral.service.VersionedCache;

/** Statement counts of a cold read: Hibernate's statistics and the service's cache cleared (a warm read reads less). */
final class ColdStatistics {

    private ColdStatistics() {
    }

    static Statistics start(EntityManagerFactory entityManagerFactory, VersionedCache cache) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        cache.clear();
        return statistics;
    }
}
